import { redirect } from "next/navigation";
import { SignInForm, SignUpForm } from "@/components/auth/sign-in-forms";
import { currentUserId } from "@/lib/auth/session";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ mode?: string }> }) {
  if (await currentUserId()) redirect("/");
  const signUp = (await searchParams).mode === "signup";

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <p className="text-sm font-semibold tracking-wide text-brand-600">XOps 360 Portal</p>
          <h1 className="text-xl font-semibold">{signUp ? "Create your account" : "Sign in"}</h1>
        </div>
        {signUp ? <SignUpForm minLength={PASSWORD_MIN_LENGTH} /> : <SignInForm />}
      </div>
    </main>
  );
}
