import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";

/** The user's current session version, or undefined when the user no longer exists. */
export async function sessionVersionOf(db: Executor, userId: string): Promise<number | undefined> {
  const [row] = await db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.version;
}

/** Signs the user out everywhere: every session cookie issued before this call stops working. */
export async function revokeSessions(db: Executor, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/**
 * Whether a session token is still valid: its user exists, it carries the user's current session version,
 * and it was issued less than `maxAgeSeconds` ago. The age check makes the maximum age absolute, because
 * Auth.js renews the cookie's own expiry on every request.
 */
export async function isSessionCurrent(
  db: Executor,
  token: { userId: string; sessionVersion: unknown; signedInAt: unknown },
  maxAgeSeconds: number,
  now = Date.now(),
): Promise<boolean> {
  if (typeof token.sessionVersion !== "number" || typeof token.signedInAt !== "number") return false;
  if (now - token.signedInAt * 1000 > maxAgeSeconds * 1000) return false;
  return (await sessionVersionOf(db, token.userId)) === token.sessionVersion;
}
