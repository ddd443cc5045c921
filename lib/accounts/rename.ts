import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { cloudAccounts } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/guard";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/record";
import { accountNameSchema, nameTakenMessage } from "./account-name";
import { isUniqueViolation } from "./database-errors";
import { accountNotFoundMessage } from "./messages";
import { findAccount, findAccountByName } from "./queries";

export const renameInputSchema = z.object({
  accountId: z.uuid({ error: "Choose an account to rename." }),
  name: accountNameSchema,
});

export type RenameInput = z.infer<typeof renameInputSchema>;

export function renamedMessage(name: string): string {
  return `The account was renamed to "${name}".`;
}

/** Renames an account of the member's workspace and records the old and new name in the audit log. */
export async function renameAccount(context: ActionContext, input: RenameInput): Promise<ActionResult<{ id: string; name: string }>> {
  const { db, member } = context;

  const account = await findAccount(db, member.workspaceId, input.accountId);
  if (!account) return failure(accountNotFoundMessage());
  if (account.name === input.name) return success({ id: account.id, name: account.name }, renamedMessage(input.name));

  // The same account may change only the case of its name; any other holder of the name blocks it.
  const holder = await findAccountByName(db, member.workspaceId, input.name);
  if (holder && holder.id !== account.id) return nameFailure(input.name);

  try {
    await db.transaction(async (tx) => {
      await tx
        .update(cloudAccounts)
        .set({ name: input.name, updatedAt: new Date() })
        .where(and(eq(cloudAccounts.workspaceId, member.workspaceId), eq(cloudAccounts.id, account.id), isNull(cloudAccounts.deletedAt)));
      await recordAuditEvent(tx, {
        workspaceId: member.workspaceId,
        actorUserId: member.userId,
        action: AUDIT_ACTIONS.accountRenamed,
        targetType: "cloud_account",
        targetId: account.id,
        before: { name: account.name },
        after: { name: input.name },
      });
    });
  } catch (error) {
    // Two renames to the same name can pass the check above at once; the unique index admits one.
    if (!isUniqueViolation(error)) throw error;
    return nameFailure(input.name);
  }

  return success({ id: account.id, name: input.name }, renamedMessage(input.name));
}

function nameFailure(name: string): ActionResult<never> {
  const message = nameTakenMessage(name);
  return failure(message, { name: message });
}
