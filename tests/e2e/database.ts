import { eq } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { users } from "@/db/schema";
import { signUpLocalUser } from "@/lib/auth/sign-up";
import { findMembership } from "@/lib/workspace/members";

/** Opens the portal's PostgreSQL database from the test process; migrations are already applied by the portal. */
export function openPortalDatabase(url: string): Promise<DatabaseHandle> {
  return openDatabase(url);
}

/**
 * Creates a local user with a new workspace, as the sign-up form does, directly in the database, so a
 * test does not depend on sign-up being open to more than the first user.
 */
export async function createSignedUpUser(handle: DatabaseHandle, email: string, password: string): Promise<{ userId: string; workspaceId: string }> {
  const created = await signUpLocalUser(handle.db, { email, password });
  if (!created.ok) throw new Error(created.message);
  const [user] = await handle.db.select().from(users).where(eq(users.email, email));
  const member = user ? await findMembership(handle.db, user.id) : undefined;
  if (!member) throw new Error(`no membership for ${email}`);
  return { userId: member.userId, workspaceId: member.workspaceId };
}
