import { DescribeOrganizationCommand } from "@aws-sdk/client-organizations";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import { organizationsClient } from "./clients";
import { awsErrorCode, awsErrorMessage } from "./errors";
import type { Checked } from "./integration";
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
    const failureCode = code === "AccessDeniedException" ? "organization_not_readable" : "aws_error";
    return { ok: false, failure: { code: failureCode, awsErrorCode: code, detail: { message: awsErrorMessage(error) } } };
  }
}
