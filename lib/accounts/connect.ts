import { z } from "zod";
import type { ActionContext } from "@/lib/actions/guard";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { awsSettings } from "@/lib/aws/config";
import { parseRoleArn, type RoleArn } from "@/lib/aws/role-arn";
import { logger } from "@/lib/logger";
import { getWorkspace } from "@/lib/workspace/members";
import { accountNameSchema, nameTakenMessage } from "./account-name";
import { alreadyLinkedMessage, partitionMismatchMessage } from "./connect-messages";
import { runIntegrationChecks } from "./integration-checks";
import { resolveParent } from "./parent";
import { isUniqueViolation, storeLink } from "./store-link";
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
  accountType: z.enum(["management", "linked"], { error: "Account type must be management or linked." }),
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
 * Links an AWS account: checks partition and duplicates, runs the AWS checks (AssumeRole with the
 * workspace's External ID, caller account, stack outputs, organization, confused deputy), places a
 * linked account under its management account, then stores the account and its audit event in one
 * transaction and selects it. Nothing is stored when any check fails.
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

  const parent = await resolveParent(db, member.workspaceId, role.accountId, input.accountType, checked.value.organization);
  if (!parent.ok) return failure(parent.message);

  let id: string;
  try {
    id = await storeLink(db, {
      workspaceId: member.workspaceId,
      actorUserId: member.userId,
      accountType: input.accountType,
      name: input.name,
      role,
      verified: checked.value,
      parentId: parent.parentId,
      select: true,
      via: "connect",
    });
  } catch (error) {
    // Two requests for the same account or name can pass the checks above at once; the unique
    // indexes let only one of them in.
    if (!isUniqueViolation(error)) throw error;
    return failure(alreadyLinkedMessage(role.accountId, input.name));
  }

  log.info({ outcome: "linked", stackRegion: checked.value.stackRegion, templateVersion: checked.value.templateVersion }, "AWS account linked");
  return success({ id, awsAccountId: role.accountId, templateOutdated: checked.value.templateOutdated });
}

function fieldFailure(field: keyof ConnectInput, message: string): ActionResult<never> {
  return failure(message, { [field]: message });
}
