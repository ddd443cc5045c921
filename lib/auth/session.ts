import { auth } from "./config";

/** Returns the signed-in user's ID from the session cookie, or undefined when signed out. */
export async function currentUserId(): Promise<string | undefined> {
  const session = await auth();
  return session?.user?.id ?? undefined;
}
