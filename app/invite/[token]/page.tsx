import { eq } from "drizzle-orm";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SsoButton } from "@/components/auth/sign-in-forms";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { currentUserId } from "@/lib/auth/session";
import { localAccountsEnabled, oidcSettings } from "@/lib/auth/settings";
import { findInvitationByToken, invitationProblem } from "@/lib/workspace/invitations";

export const dynamic = "force-dynamic";

function Card({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md space-y-4 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-brand-600">XOps 360 Portal</p>
        {children}
      </div>
    </main>
  );
}

/** Shows who an invitation link invites to which workspace, and how to sign in to accept it. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const lookup = await findInvitationByToken(db, token);

  if (lookup.status !== "pending") {
    return (
      <Card>
        <h1 className="text-xl font-semibold">Invitation not valid</h1>
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {invitationProblem(lookup)}
        </p>
        <Link href="/signin" className="text-sm font-medium text-brand-600 hover:underline">
          Go to sign-in
        </Link>
      </Card>
    );
  }

  const { invitation, workspaceName } = lookup;
  const userId = await currentUserId();
  const [user] = userId ? await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1) : [];
  const invitePath = `/invite/${encodeURIComponent(token)}`;
  const sso = oidcSettings();

  return (
    <Card>
      <h1 className="text-xl font-semibold">Join {workspaceName}</h1>
      <p className="text-sm text-slate-700">
        <strong>{invitation.email}</strong> is invited to join the workspace <strong>{workspaceName}</strong> as <strong>{invitation.role}</strong>. The
        invitation expires on {invitation.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC and works once.
      </p>
      {user ? (
        <>
          <p className="text-sm text-slate-600">You are signed in as {user.email}.</p>
          <AcceptInvitationForm token={token} />
          <SignOutButton />
        </>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">Sign in as {invitation.email} to accept.</p>
          {sso && <SsoButton name={sso.name} callbackUrl={invitePath} />}
          {localAccountsEnabled() && (
            <div className="flex gap-2">
              <Link
                href={`/signin?mode=signup&invitation=${encodeURIComponent(token)}&email=${encodeURIComponent(invitation.email)}`}
                className={buttonClasses(sso ? "secondary" : "primary", "flex-1")}
              >
                Create an account
              </Link>
              <Link href={`/signin?callbackUrl=${encodeURIComponent(invitePath)}`} className={buttonClasses("secondary", "flex-1")}>
                Sign in
              </Link>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
