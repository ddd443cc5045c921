import type { Executor } from "@/db/client";
import { countAccounts } from "@/lib/accounts/queries";
import { findUserByEmail } from "@/lib/auth/users";
import { findMembership } from "./members";

/** Where a user lands after signing in: Home once the workspace has a cloud account, else onboarding. */
export async function landingPathForEmail(db: Executor, email: string): Promise<"/" | "/onboarding"> {
  const user = await findUserByEmail(db, email);
  const member = user ? await findMembership(db, user.id) : undefined;
  if (!member) return "/onboarding";
  return (await countAccounts(db, member.workspaceId)) > 0 ? "/" : "/onboarding";
}
