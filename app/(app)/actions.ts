"use server";

import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/config";
import { currentUserId } from "@/lib/auth/session";
import { revokeSessions } from "@/lib/auth/session-version";

/**
 * Signs the user out. Clearing the cookie alone would leave a copied session token valid until it
 * expires, so the user's session version is raised too, which ends their sessions on every device.
 */
export async function signOutAction(): Promise<void> {
  const userId = await currentUserId();
  if (userId) await revokeSessions(await getDb(), userId);
  await signOut({ redirectTo: "/signin" });
}
