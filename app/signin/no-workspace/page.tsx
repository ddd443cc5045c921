import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { currentUserId } from "@/lib/auth/session";
import { hasPendingInvitation } from "@/lib/workspace/invitations";
import { findMembership } from "@/lib/workspace/members";

/** Tells a signed-in user without a workspace to ask for an invitation; the portal creates no workspace for them. */
export default async function NoWorkspacePage() {
  const userId = await currentUserId();
  if (!userId) redirect("/signin");
  const db = await getDb();
  if (await findMembership(db, userId)) redirect("/");

  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  const invited = user ? await hasPendingInvitation(db, user.email) : false;

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md space-y-4 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-brand-600">XOps 360 Portal</p>
        <h1 className="text-xl font-semibold">No workspace yet</h1>
        <p className="text-sm text-slate-700">
          You are signed in as <strong>{user?.email}</strong>, but this user is not a member of any workspace, and your organization has
          not been set up to admit it. Ask an owner of your workspace for an invitation.
        </p>
        {invited && (
          <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700">
            An invitation for this e-mail is waiting: open the invitation link you received to join its workspace.
          </p>
        )}
        <SignOutButton />
      </div>
    </main>
  );
}
