import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { cloudAccounts, memberships } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/guard";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/record";
import { accountNotFoundMessage, confirmNameMismatchMessage, deletedMessage, managementNotDeletableMessage } from "./messages";
import { findAccount } from "./queries";

export const deleteInputSchema = z.object({
  accountId: z.uuid({ error: "Choose an account to delete." }),
  confirmName: z.string({ error: "Type the account name to confirm." }),
});

export type DeleteInput = z.infer<typeof deleteInputSchema>;

/**
 * Deletes a linked account once the typed name matches. The row stays, marked with deleted_at and
 * deleted_by, so the audit trail keeps its target and the same AWS account can be linked again.
 * Members whose current account it was are moved to its management account.
 */
export async function deleteAccount(context: ActionContext, input: DeleteInput): Promise<ActionResult<{ id: string }>> {
  const { db, member } = context;

  const account = await findAccount(db, member.workspaceId, input.accountId);
  if (!account) return failure(accountNotFoundMessage());
  // Linked accounts hang under their management account, so only support removes a management account.
  if (account.awsAccountType === "management") return failure(managementNotDeletableMessage(account.name));
  if (input.confirmName !== account.name) {
    const message = confirmNameMismatchMessage(account.name);
    return failure(message, { confirmName: message });
  }

  const deleted = await db.transaction(async (tx) => {
    const now = new Date();
    const rows = await tx
      .update(cloudAccounts)
      .set({ deletedAt: now, deletedBy: member.userId, updatedAt: now })
      .where(and(eq(cloudAccounts.workspaceId, member.workspaceId), eq(cloudAccounts.id, account.id), isNull(cloudAccounts.deletedAt)))
      .returning({ id: cloudAccounts.id });
    // Another request deleted it between the load and this update.
    if (rows.length === 0) return false;

    await tx
      .update(memberships)
      .set({ currentCloudAccountId: account.parentId })
      .where(and(eq(memberships.workspaceId, member.workspaceId), eq(memberships.currentCloudAccountId, account.id)));
    await recordAuditEvent(tx, {
      workspaceId: member.workspaceId,
      actorUserId: member.userId,
      action: AUDIT_ACTIONS.accountDeleted,
      targetType: "cloud_account",
      targetId: account.id,
      before: { name: account.name, awsAccountId: account.awsAccountId, type: account.awsAccountType, deletedAt: null },
      after: { deletedAt: now.toISOString() },
    });
    return true;
  });
  if (!deleted) return failure(accountNotFoundMessage());

  return success({ id: account.id }, deletedMessage(account.name));
}
