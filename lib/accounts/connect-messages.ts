import type { IntegrationFailure } from "@/lib/aws/integration";
import type { StackOutputFailureCode } from "@/lib/aws/stack-outputs";
import { ACCOUNT_TYPE_TAG, STACK_ID_TAG, TEMPLATE_VERSION_TAG } from "@/lib/aws/template-definition";

export interface MessageContext {
  roleArn: string;
  principalArn: string;
  /** The button that runs the checks again: "Connect" on the link form, "Verify now" or "Link all" for accounts already listed. */
  retryControl: RetryControl;
}

export type RetryControl = "Connect" | "Verify now" | "Link all";

const TYPE_LABELS: Record<string, string> = { management: "Management Account", linked: "Linked Account" };

function typeLabel(type: string | undefined): string {
  return TYPE_LABELS[type ?? ""] ?? `"${type}"`;
}

/** Returns the message shown under the Connect button for a failure of the AWS checks. */
export function integrationFailureMessage(failure: IntegrationFailure, context: MessageContext): string {
  const d = failure.detail;
  switch (failure.code) {
    case "access_denied":
      return (
        `AWS denied AssumeRole on ${context.roleArn}. The usual causes: the role's trust policy does not trust this portal's ` +
        `principal ${context.principalArn}; the External ID in the trust policy differs from this workspace's External ID ` +
        `shown in the setup guide; or the ARN names another role than the one the stack created. If you created the stack ` +
        `in the last minute, IAM may still be propagating the role: wait a minute and click ${context.retryControl} again.`
      );
    case "region_disabled":
      return `AWS STS is not activated in the region the portal called (RegionDisabledException). An administrator can activate the region in IAM account settings. AWS returned: ${d.message}`;
    case "throttled":
      return `AWS throttled the portal's requests (Rate exceeded) and the retries did not succeed. Wait a minute and click ${context.retryControl} again.`;
    case "aws_unreachable":
      return `The portal could not reach AWS (${failure.awsErrorCode}). Check the server's network access to AWS, then click ${context.retryControl} again.`;
    case "account_mismatch":
      return `The role's credentials belong to AWS account ${d.actual}, not to account ${d.expected} named in the AWS Role ARN. Paste the RoleArn output of the stack.`;
    case "role_not_readable":
      return `The role ${context.roleArn} may not read itself (iam:GetRole was denied), so the portal cannot find its stack. Update the stack with the current template, which allows it.`;
    case "stack_tag_missing":
      return `The role ${context.roleArn} has no ${STACK_ID_TAG} tag, so the portal cannot find its CloudFormation stack in account ${d.accountId}. Create the role with the portal's CloudFormation template or Terraform module rather than by hand.`;
    case "stack_not_found":
      return `The CloudFormation stack ${d.stackId} was not found in account ${d.accountId}, region ${d.region}. If the stack was deleted, create it again from the template and paste its new RoleArn output.`;
    case "stack_not_readable":
      return `The role may not describe its stack ${d.stackId} in region ${d.region} (cloudformation:DescribeStacks was denied). Update the stack with the current template.`;
    case "organization_not_readable":
      return `The role may not read its organization (organizations:DescribeOrganization was denied). Update the stack with the current template, which allows it.`;
    case "external_id_not_enforced":
      return (
        `The role ${context.roleArn} accepted AssumeRole with a wrong External ID, so it does not require this workspace's ` +
        `External ID and any other tenant of this portal that learns its ARN could use it. Add the condition ` +
        `"StringEquals": {"sts:ExternalId": "<External ID from the setup guide>"} to the role's trust policy, or create the ` +
        `role again from the portal's template, then click ${context.retryControl}.`
      );
    case "external_id_condition_loose":
      return (
        `The trust policy of ${context.roleArn} does not require exactly this workspace's External ID, so other tenants of this ` +
        `portal could use the role. Its condition must be "StringEquals": {"sts:ExternalId": "<External ID from the setup guide>"}, ` +
        `with no other operator on sts:ExternalId. Fix the trust policy, or create the role again from the portal's template, ` +
        `then click ${context.retryControl}.`
      );
    case "trust_too_broad":
      return (
        `The role ${context.roleArn} can also be assumed by ${d.principals}, not only by this portal's principal ` +
        `${context.principalArn}. The External ID is shown to every member of the workspace, so it does not protect such a ` +
        `role: make ${context.principalArn} the only principal in the role's trust policy, or create the role again from the ` +
        `portal's template, then click ${context.retryControl}.`
      );
    case "stack_tag_invalid":
      return `The role ${context.roleArn} has an ${STACK_ID_TAG} tag with the value "${d.value}", which is not a CloudFormation stack ID. Create the role with the portal's template, which sets the tag, then click ${context.retryControl}.`;
    case "template_version_tag_missing":
      return `The role ${context.roleArn} has an ${ACCOUNT_TYPE_TAG} tag but no ${TEMPLATE_VERSION_TAG} tag. Create the role with the portal's Terraform module, which sets both, then click ${context.retryControl}.`;
    case "aws_error":
      return `AWS returned ${failure.awsErrorCode}: ${d.message}`;
  }
}

/** Returns the message for a stack whose status or outputs do not match the account the user links. */
export function stackOutputFailureMessage(code: StackOutputFailureCode, d: Record<string, string>, retryControl: RetryControl = "Connect"): string {
  switch (code) {
    case "stack_in_progress":
      return `The stack ${d.stackName} is still ${d.status}. Wait until it reaches CREATE_COMPLETE, then click ${retryControl}.`;
    case "stack_deleted":
      return `The stack ${d.stackName} in account ${d.accountId}, region ${d.region} was deleted. Create it again from the template and paste its new RoleArn output.`;
    case "stack_failed":
      return `The stack ${d.stackName} is in status ${d.status}${d.reason ? ` (${d.reason})` : ""}. Delete it and create it again from the template.`;
    case "output_missing":
      return `The stack ${d.stackName} has no ${d.key} output. Create the stack from the portal's template, which has the outputs RoleArn, AccountType and TemplateVersion.`;
    case "output_not_arn":
      return `The stack's RoleArn output "${d.value}" is not an ARN. Create the stack from the portal's template and paste its RoleArn output.`;
    case "output_role_mismatch":
      return `AWS Role ARN ${d.expected} differs from the stack's RoleArn output ${d.value}. Paste the RoleArn output of the stack exactly.`;
    case "account_type_mismatch": {
      const actual = typeLabel(d.actual);
      const expected = typeLabel(d.expected);
      return `The stack was created from the ${actual} template, but you chose ${expected}. Create the stack from the ${expected} template, or choose ${actual}.`;
    }
  }
}

export function notManagementAccountMessage(accountId: string, organization: { organizationId: string; managementAccountId: string }): string {
  return (
    `AWS account ${accountId} is a member of organization ${organization.organizationId}, whose management account is ` +
    `${organization.managementAccountId}. Link ${organization.managementAccountId} as the Management Account first, then link ` +
    `${accountId} as a Linked Account.`
  );
}

export function partitionMismatchMessage(rolePartition: string, platformPartition: string): string {
  return `AWS Role ARN is in partition ${rolePartition}, but this portal runs in ${platformPartition}, and IAM roles cannot trust principals of another partition. Create the stack in an ${platformPartition} account.`;
}

export function alreadyLinkedMessage(accountId: string, name: string): string {
  return `AWS account ${accountId} is already linked in this workspace as "${name}". Select it from the account selector instead.`;
}
