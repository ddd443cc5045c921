import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cloudAccounts, type AwsAccountType } from "@/db/schema";
import type { OrganizationMembership } from "@/lib/aws/organizations";
import { ACCOUNT_TYPE_LABELS } from "@/lib/aws/template-definition";

export type ParentResult = { ok: true; parentId: string | null } | { ok: false; message: string };

/**
 * Places an account in the workspace's tree. A management account has no parent. A linked account's
 * organization must be managed by one of the workspace's management accounts, which becomes its parent.
 */
export async function resolveParent(
  db: Executor,
  workspaceId: string,
  accountId: string,
  accountType: AwsAccountType,
  organization: OrganizationMembership | null,
): Promise<ParentResult> {
  if (accountType === "management") return { ok: true, parentId: null };

  if (!organization) {
    return {
      ok: false,
      message: `AWS account ${accountId} is not a member of an AWS Organization, so it cannot be a ${ACCOUNT_TYPE_LABELS.linked}. Link it as a ${ACCOUNT_TYPE_LABELS.management} instead: a standalone account is its own management account.`,
    };
  }
  if (organization.managementAccountId === accountId) {
    return {
      ok: false,
      message: `AWS account ${accountId} is the management account of organization ${organization.organizationId}. Link it as a ${ACCOUNT_TYPE_LABELS.management}, with the management template.`,
    };
  }

  const [parent] = await db
    .select({ id: cloudAccounts.id })
    .from(cloudAccounts)
    .where(
      and(
        eq(cloudAccounts.workspaceId, workspaceId),
        eq(cloudAccounts.awsAccountId, organization.managementAccountId),
        eq(cloudAccounts.awsAccountType, "management"),
        isNull(cloudAccounts.deletedAt),
      ),
    )
    .limit(1);
  if (!parent) {
    return {
      ok: false,
      message: `AWS account ${accountId} belongs to organization ${organization.organizationId}, whose management account ${organization.managementAccountId} is not linked in this workspace. Link ${organization.managementAccountId} as the ${ACCOUNT_TYPE_LABELS.management} first, then link this account.`,
    };
  }
  return { ok: true, parentId: parent.id };
}
