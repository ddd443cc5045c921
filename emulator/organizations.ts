/** Organizations: lookup of an account's organization and the ARNs Organizations returns. */
import { randomInt } from "node:crypto";

import type { Store } from "./state";
import type { Organization, OrganizationAccount, Partition } from "./types";

const ORGANIZATION_ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Creates an organization ID: `o-` and 10 lower-case letters or digits, the shortest form AWS uses. */
export function organizationId(): string {
  let suffix = "";
  for (let i = 0; i < 10; i++) suffix += ORGANIZATION_ID_CHARACTERS[randomInt(ORGANIZATION_ID_CHARACTERS.length)];
  return `o-${suffix}`;
}

/** Returns the organization the account belongs to, as management account or member, if any. */
export function organizationOf(store: Store, partition: Partition, accountId: string): Organization | undefined {
  const id = store.account(partition, accountId)?.organizationId;
  return id === undefined ? undefined : store.data.organizations[`${partition}/${id}`];
}

export function organizationArn(organization: Organization): string {
  return `arn:${organization.partition}:organizations::${organization.managementAccountId}:organization/${organization.id}`;
}

export function accountArn(organization: Organization, accountId: string): string {
  return `arn:${organization.partition}:organizations::${organization.managementAccountId}:account/${organization.id}/${accountId}`;
}

export function findMember(organization: Organization, accountId: string): OrganizationAccount | undefined {
  return organization.accounts.find((account) => account.id === accountId);
}

/** Renders an account as ListAccounts and DescribeAccount return it. */
export function renderAccount(organization: Organization, account: OrganizationAccount): object {
  return {
    Id: account.id,
    Arn: accountArn(organization, account.id),
    Email: account.email,
    Name: account.name,
    Status: account.status,
    JoinedMethod: account.joinedMethod,
    JoinedTimestamp: new Date(account.joinedAt),
  };
}

/** Renders an organization as DescribeOrganization returns it. */
export function renderOrganization(organization: Organization): object {
  const management = findMember(organization, organization.managementAccountId)!;
  return {
    Id: organization.id,
    Arn: organizationArn(organization),
    FeatureSet: "ALL",
    MasterAccountArn: accountArn(organization, management.id),
    MasterAccountId: management.id,
    MasterAccountEmail: management.email,
    AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
  };
}
