import { redirect } from "next/navigation";
import { SignInForm, SignUpForm, SsoButton } from "@/components/auth/sign-in-forms";
import { currentUserId } from "@/lib/auth/session";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { localAccountsEnabled, oidcSettings } from "@/lib/auth/settings";

interface SignInSearchParams {
  mode?: string;
  error?: string;
  callbackUrl?: string;
  invitation?: string;
  email?: string;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SignInSearchParams> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUserId()) redirect(callbackUrl ?? "/");

  const local = localAccountsEnabled();
  const sso = oidcSettings();
  const signUp = local && params.mode === "signup";
  const error = signInErrorMessage(params.error);

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <p className="text-sm font-semibold tracking-wide text-brand-600">XOps 360 Portal</p>
          <h1 className="text-xl font-semibold">{signUp ? "Create your account" : "Sign in"}</h1>
        </div>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        {sso && !signUp && <SsoButton name={sso.name} callbackUrl={callbackUrl} />}
        {sso && local && !signUp && (
          <p className="flex items-center gap-3 text-xs uppercase text-slate-400 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
            or
          </p>
        )}
        {signUp && <SignUpForm minLength={PASSWORD_MIN_LENGTH} invitationToken={params.invitation} email={params.email} />}
        {local && !signUp && <SignInForm callbackUrl={callbackUrl} />}
        {!local && !sso && (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            No sign-in method is configured: local accounts are switched off and AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are not all set.
          </p>
        )}
      </div>
    </main>
  );
}
