import { DescribeOrganizationCommand, paginateListAccounts } from "@aws-sdk/client-organizations";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import { organizationsClient } from "./clients";
import { awsErrorCode } from "./errors";
import { failFromError, type Checked } from "./integration";
import type { RoleArn } from "./role-arn";

/** The organization an account belongs to, or null for a standalone account. */
export interface OrganizationMembership {
  organizationId: string;
  managementAccountId: string;
}

/** Reads the account's organization with the integration role's credentials. */
export async function describeAccountOrganization(
  role: RoleArn,
  credentials: AwsCredentialIdentity,
): Promise<Checked<OrganizationMembership | null>> {
  try {
    const { Organization } = await organizationsClient(role.partition, credentials).send(new DescribeOrganizationCommand({}));
    return { ok: true, value: { organizationId: Organization?.Id ?? "", managementAccountId: Organization?.MasterAccountId ?? "" } };
  } catch (error) {
    const code = awsErrorCode(error);
    if (code === "AWSOrganizationsNotInUseException") return { ok: true, value: null };
    return failFromError(error, code === "AccessDeniedException" ? "organization_not_readable" : undefined);
  }
}

export interface OrganizationAccount {
  accountId: string;
  name: string;
  email: string;
  /** ACTIVE, SUSPENDED or PENDING_CLOSURE, as Organizations reports it. */
  status: string;
}

/** Lists every account of the organization, following NextToken through all pages. */
export async function listOrganizationAccounts(role: RoleArn, credentials: AwsCredentialIdentity): Promise<Checked<OrganizationAccount[]>> {
  const accounts: OrganizationAccount[] = [];
  try {
    for await (const page of paginateListAccounts({ client: organizationsClient(role.partition, credentials) }, {})) {
      for (const account of page.Accounts ?? []) {
        accounts.push({ accountId: account.Id ?? "", name: account.Name ?? "", email: account.Email ?? "", status: account.Status ?? "UNKNOWN" });
      }
    }
    return { ok: true, value: accounts };
  } catch (error) {
    return failFromError(error, awsErrorCode(error) === "AccessDeniedException" ? "organization_not_readable" : undefined);
  }
}
