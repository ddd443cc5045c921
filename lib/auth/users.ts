import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { verifyPassword } from "./password";

/**
 * E-mail addresses are compared with ASCII letters in lower case, so "Alice@Example.com" and
 * "alice@example.com" are one user. Only ASCII is folded: toLowerCase() would turn the Kelvin sign
 * (U+212A) into "k" and let "\u212Aate@…" sign in as "kate@…".
 */
export function normalizeEmail(email: string): string {
  return email.trim().replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return user;
}

/** Returns the user when the e-mail and password match a local account, else undefined. */
export async function authenticateLocalUser(db: Executor, email: string, password: string) {
  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(password, user?.passwordHash);
  return valid && user ? { id: user.id, email: user.email } : undefined;
}
