import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { cloudAccounts, type CloudAccount } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/guard";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/record";
import { parseRoleArn } from "@/lib/aws/role-arn";
import { logger } from "@/lib/logger";
import { getWorkspace } from "@/lib/workspace/members";
import { runIntegrationChecks } from "./integration-checks";
import { accountNotFoundMessage } from "./messages";
import { findAccount } from "./queries";

export const verifyInputSchema = z.object({ accountId: z.uuid({ error: "Choose an account to verify." }) });

export interface VerificationOutcome {
  status: "connected" | "error";
  statusMessage: string | null;
  lastVerifiedAt: Date;
}

interface VerifyOptions {
  externalId: string;
  /** The member who clicked "Verify now"; null when the scheduled re-verification runs. */
  actorUserId: string | null;
}

/**
 * Re-runs the connect checks for a stored account with its stored role ARN and the workspace's External
 * ID, then stores the status, its message and the time, with an audit event, in one transaction.
 */
export async function verifyAccount(db: Executor, account: CloudAccount, options: VerifyOptions): Promise<VerificationOutcome> {
  const log = logger.child({ event: "verify", workspaceId: account.workspaceId, awsAccountId: account.awsAccountId });

  const role = parseRoleArn(account.roleArn);
  const checked = role.ok
    ? await runIntegrationChecks({ role: role.value, accountType: account.awsAccountType, workspaceId: account.workspaceId, externalId: options.externalId, retryControl: "Verify now" }, log)
    : ({ ok: false, message: role.message, code: "invalid_role_arn" } as const);

  const lastVerifiedAt = new Date();
  const outcome: VerificationOutcome = checked.ok
    ? { status: "connected", statusMessage: null, lastVerifiedAt }
    : { status: "error", statusMessage: checked.message, lastVerifiedAt };
  const stack = checked.ok
    ? { stackId: checked.value.stackId, stackRegion: checked.value.stackRegion, templateVersion: checked.value.templateVersion }
    : {};

  await db.transaction(async (tx) => {
    await tx
      .update(cloudAccounts)
      .set({ ...outcome, ...stack, updatedAt: lastVerifiedAt })
      .where(and(eq(cloudAccounts.workspaceId, account.workspaceId), eq(cloudAccounts.id, account.id), isNull(cloudAccounts.deletedAt)));
    await recordAuditEvent(tx, {
      workspaceId: account.workspaceId,
      actorUserId: options.actorUserId,
      action: AUDIT_ACTIONS.accountVerified,
      targetType: "cloud_account",
      targetId: account.id,
      before: { status: account.status, statusMessage: account.statusMessage },
      after: { status: outcome.status, statusMessage: outcome.statusMessage },
      extra: { trigger: options.actorUserId ? "manual" : "scheduled", ...(checked.ok ? {} : { code: checked.code }) },
    });
  });

  log.info({ outcome: checked.ok ? "connected" : checked.code }, "AWS account verified");
  return outcome;
}

/** "Verify now": verifies one account of the member's workspace. */
export async function verifyAccountNow(context: ActionContext, input: z.infer<typeof verifyInputSchema>): Promise<ActionResult<VerificationOutcome>> {
  const { db, member } = context;

  const account = await findAccount(db, member.workspaceId, input.accountId);
  if (!account) return failure(accountNotFoundMessage());
  const workspace = await getWorkspace(db, member.workspaceId);

  const outcome = await verifyAccount(db, account, { externalId: workspace.externalId, actorUserId: member.userId });
  if (outcome.status === "error") return failure(`Verification of "${account.name}" failed: ${outcome.statusMessage}`);
  return success(outcome, `"${account.name}" is connected: the role and its stack passed every check.`);
}
