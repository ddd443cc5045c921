import type { Executor } from "@/db/client";
import type { Member } from "@/lib/workspace/members";
import { findAccount, listAccounts } from "./queries";

/** The member's selected account, or the first by name when none is selected or it was deleted. */
export async function currentAccount(db: Executor, member: Member) {
  if (member.currentCloudAccountId) {
    const selected = await findAccount(db, member.workspaceId, member.currentCloudAccountId);
    if (selected) return selected;
  }
  const [first] = await listAccounts(db, member.workspaceId, 1);
  return first;
}
