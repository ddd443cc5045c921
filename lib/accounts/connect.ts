import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { auditEvents, cloudAccounts, memberships } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/guard";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { awsSettings } from "@/lib/aws/config";
import { parseRoleArn, type RoleArn } from "@/lib/aws/role-arn";
import { logger } from "@/lib/logger";
import { getWorkspace } from "@/lib/workspace/members";
import { accountNameSchema, nameTakenMessage } from "./account-name";
import { alreadyLinkedMessage, partitionMismatchMessage } from "./connect-messages";
import { runIntegrationChecks, type VerifiedIntegration } from "./integration-checks";
import { findAccountByAwsId, findAccountByName } from "./queries";

const roleArnSchema = z
  .string({ error: "AWS Role ARN is required." })
  .max(2048, "AWS Role ARN must be at most 2048 characters. Paste the RoleArn output of the stack.")
  .transform((value, context): RoleArn => {
    const parsed = parseRoleArn(value);
    if (parsed.ok) return parsed.value;
    context.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });

export const connectInputSchema = z.object({
  // NOTE: linked accounts need the organization checks that place them under a management account;
  // until those exist, connect links management accounts only.
  accountType: z.literal("management", { error: "Account type must be management." }),
  name: accountNameSchema,
  roleArn: roleArnSchema,
});

export type ConnectInput = z.infer<typeof connectInputSchema>;

export interface ConnectedAccount {
  id: string;
  awsAccountId: string;
  templateOutdated: boolean;
}

/**
 * Links an AWS account: checks partition and duplicates, assumes the role with the workspace's
 * External ID, verifies the caller account, the stack and its outputs, then stores the account and
 * its audit event in one transaction and selects it. Nothing is stored when any check fails.
 */
export async function connectAccount(context: ActionContext, input: ConnectInput): Promise<ActionResult<ConnectedAccount>> {
  const { db, member } = context;
  const role = input.roleArn;
  const log = logger.child({ event: "connect", workspaceId: member.workspaceId, awsAccountId: role.accountId });

  const settings = awsSettings();
  if (role.partition !== settings.partition) {
    return fieldFailure("roleArn", partitionMismatchMessage(role.partition, settings.partition));
  }
  const linked = await findAccountByAwsId(db, member.workspaceId, role.accountId);
  if (linked) return fieldFailure("roleArn", alreadyLinkedMessage(role.accountId, linked.name));
  if (await findAccountByName(db, member.workspaceId, input.name)) return fieldFailure("name", nameTakenMessage(input.name));

  const workspace = await getWorkspace(db, member.workspaceId);
  const checked = await runIntegrationChecks(
    { role, accountType: input.accountType, workspaceId: workspace.id, externalId: workspace.externalId },
    log,
  );
  if (!checked.ok) return failure(checked.message);

  let id: string;
  try {
    id = await insertAccount(context, input, checked.value);
  } catch (error) {
    // Two requests for the same account or name can pass the checks above at once; the unique
    // indexes let only one of them in.
    if (!isUniqueViolation(error)) throw error;
    return failure(alreadyLinkedMessage(role.accountId, input.name));
  }

  log.info({ outcome: "linked", stackRegion: checked.value.stackRegion, templateVersion: checked.value.templateVersion }, "AWS account linked");
  return success({ id, awsAccountId: role.accountId, templateOutdated: checked.value.templateOutdated });
}

async function insertAccount(context: ActionContext, input: ConnectInput, verified: VerifiedIntegration): Promise<string> {
  const { db, member } = context;
  const role = input.roleArn;
  return db.transaction(async (tx) => {
    const [account] = await tx
      .insert(cloudAccounts)
      .values({
        workspaceId: member.workspaceId,
        awsAccountType: input.accountType,
        name: input.name,
        awsAccountId: role.accountId,
        roleArn: role.arn,
        partition: role.partition,
        stackId: verified.stackId,
        stackRegion: verified.stackRegion,
        templateVersion: verified.templateVersion,
        status: "connected",
        lastVerifiedAt: new Date(),
        createdBy: member.userId,
      })
      .returning({ id: cloudAccounts.id });
    if (!account) throw new Error("insert into cloud_accounts returned no row");

    await tx.insert(auditEvents).values({
      workspaceId: member.workspaceId,
      actorUserId: member.userId,
      action: "account.linked",
      targetType: "cloud_account",
      targetId: account.id,
      details: { after: { name: input.name, awsAccountId: role.accountId, type: input.accountType, roleArn: role.arn, stackRegion: verified.stackRegion } },
    });
    await tx
      .update(memberships)
      .set({ currentCloudAccountId: account.id })
      .where(and(eq(memberships.workspaceId, member.workspaceId), eq(memberships.userId, member.userId)));
    return account.id;
  });
}

function fieldFailure(field: keyof ConnectInput, message: string): ActionResult<never> {
  return failure(message, { [field]: message });
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return (error as { code?: string })?.code === "23505" || cause?.code === "23505";
}
