import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cloudAccounts, type CloudAccount } from "@/db/schema";
import { assumeIntegrationRole } from "@/lib/aws/integration";
import { listOrganizationAccounts, type OrganizationAccount } from "@/lib/aws/organizations";
import { getPlatformPrincipal } from "@/lib/aws/platform";
import { parseRoleArn, type RoleArn } from "@/lib/aws/role-arn";
import { DEFAULT_ROLE_NAME } from "@/lib/aws/template-definition";
import { integrationFailureMessage } from "./connect-messages";

export interface OrganizationMember extends OrganizationAccount {
  /** The workspace's account row when the member is linked. */
  linkedAccountId: string | null;
  /** The role a StackSet of the linked template creates in the member. */
  expectedRoleArn: string;
}

export type MembersResult = { ok: true; members: OrganizationMember[] } | { ok: false; message: string };

/** Returns the Role ARN the linked template creates in a member account with the default RoleName. */
export function expectedMemberRoleArn(management: RoleArn, accountId: string): string {
  return `arn:${management.partition}:iam::${accountId}:role/${DEFAULT_ROLE_NAME}`;
}

/**
 * Lists the organization's member accounts through the management account's role, each marked linked
 * or not in this workspace. The management account itself is left out.
 */
export async function listOrganizationMembers(
  db: Executor,
  workspace: { id: string; externalId: string },
  management: CloudAccount,
): Promise<MembersResult> {
  const role = parseRoleArn(management.roleArn);
  if (!role.ok) return { ok: false, message: role.message };

  const assumed = await assumeIntegrationRole({
    role: role.value,
    externalId: workspace.externalId,
    sessionName: `XOps360-${workspace.id}`,
    retrySeconds: 0,
  });
  const messageContext = { roleArn: role.value.arn, principalArn: (await getPlatformPrincipal()).arn, retryControl: "Verify now" as const };
  if (!assumed.ok) return { ok: false, message: integrationFailureMessage(assumed.failure, messageContext) };
  const listed = await listOrganizationAccounts(role.value, assumed.value);
  if (!listed.ok) return { ok: false, message: integrationFailureMessage(listed.failure, messageContext) };

  const members = listed.value.filter((account) => account.accountId !== management.awsAccountId);
  const linked = await linkedAccountIds(db, workspace.id, members.map((member) => member.accountId));
  return {
    ok: true,
    members: members
      .map((member) => ({
        ...member,
        linkedAccountId: linked.get(member.accountId) ?? null,
        expectedRoleArn: expectedMemberRoleArn(role.value, member.accountId),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

async function linkedAccountIds(db: Executor, workspaceId: string, awsAccountIds: string[]): Promise<Map<string, string>> {
  if (awsAccountIds.length === 0) return new Map();
  const rows = await db
    .select({ id: cloudAccounts.id, awsAccountId: cloudAccounts.awsAccountId })
    .from(cloudAccounts)
    .where(and(eq(cloudAccounts.workspaceId, workspaceId), isNull(cloudAccounts.deletedAt), inArray(cloudAccounts.awsAccountId, awsAccountIds)));
  return new Map(rows.map((row) => [row.awsAccountId, row.id]));
}
