import type { Logger } from "pino";
import type { AwsAccountType } from "@/db/schema";
import { awsSettings } from "@/lib/aws/config";
import {
  assumeIntegrationRole,
  checkExternalIdEnforced,
  describeIntegrationStack,
  readIntegrationRole,
  stackTagMissing,
  verifyCallerAccount,
  type Checked,
  type IntegrationFailure,
} from "@/lib/aws/integration";
import { describeAccountOrganization, type OrganizationMembership } from "@/lib/aws/organizations";
import { getPlatformPrincipal } from "@/lib/aws/platform";
import type { RoleArn } from "@/lib/aws/role-arn";
import { checkRoleTags, checkStackOutputs, type IntegrationVersion } from "@/lib/aws/stack-outputs";
import { ACCOUNT_TYPE_TAG, STACK_ID_TAG, TEMPLATE_VERSION_TAG } from "@/lib/aws/template-definition";
import { checkTrustPolicy } from "@/lib/aws/trust-policy";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import {
  integrationFailureMessage,
  notManagementAccountMessage,
  stackOutputFailureMessage,
  type MessageContext,
  type RetryControl,
} from "./connect-messages";

export interface IntegrationCheckRequest {
  role: RoleArn;
  accountType: AwsAccountType;
  workspaceId: string;
  externalId: string;
  /** Overrides how long AccessDenied is retried while IAM propagates; Link all uses 0 for old roles. */
  retrySeconds?: number;
  /** The button the messages tell the user to click again; "Connect" by default. */
  retryControl?: RetryControl;
}

export interface VerifiedIntegration {
  /** The CloudFormation stack, or null for a role created by the Terraform module. */
  stackId: string | null;
  stackRegion: string | null;
  templateVersion: string;
  templateOutdated: boolean;
  /** The account's organization, or null for a standalone account. */
  organization: OrganizationMembership | null;
}

export type IntegrationCheckResult =
  | { ok: true; value: VerifiedIntegration }
  | { ok: false; message: string; code: string; awsErrorCode?: string };

/**
 * Runs the AWS side of connect for a role, in the order the link is trusted. First AssumeRole with the
 * workspace's External ID and GetCallerIdentity against the ARN's account. Then the stack, found
 * through the role's tag, and its outputs. Last the organization and the confused-deputy check.
 * Connect and re-verification both call it, so a link is judged the same way every time.
 */
export async function runIntegrationChecks(request: IntegrationCheckRequest, log: Logger): Promise<IntegrationCheckResult> {
  const { role } = request;
  const sessionName = `XOps360-${request.workspaceId}`;
  const principal = await getPlatformPrincipal();
  const retryControl = request.retryControl ?? "Connect";
  const messageContext = { roleArn: role.arn, principalArn: principal.arn, retryControl };
  const report = (failure: IntegrationFailure) => reportFailure(log, failure, messageContext);

  const assumed = await assumeIntegrationRole({
    role,
    externalId: request.externalId,
    sessionName,
    retrySeconds: request.retrySeconds ?? awsSettings().assumeRoleRetrySeconds,
  });
  if (!assumed.ok) return report(assumed.failure);
  const credentials = assumed.value;

  const caller = await verifyCallerAccount(role, credentials);
  if (!caller.ok) return report(caller.failure);

  const details = await readIntegrationRole(role, credentials);
  if (!details.ok) return report(details.failure);
  const trust = checkTrustPolicy(details.value.trustPolicy, principal.arn, request.externalId);
  if (!trust.ok && trust.reason === "principals") return report({ code: "trust_too_broad", detail: { principals: trust.principals.join(", ") } });
  if (!trust.ok) return report({ code: "external_id_condition_loose", detail: {} });

  const provenance = await readProvenance(role, request.accountType, credentials, details.value.tags, retryControl);
  if (!provenance.ok) {
    if ("failure" in provenance) return report(provenance.failure);
    log.warn({ outcome: provenance.code }, "integration check failed on the stack outputs");
    return { ok: false, code: provenance.code, message: provenance.message };
  }

  const organization = await describeAccountOrganization(role, credentials);
  if (!organization.ok) return report(organization.failure);
  const membership = organization.value;
  if (request.accountType === "management" && membership && membership.managementAccountId !== role.accountId) {
    log.warn({ outcome: "not_management_account", organizationId: membership.organizationId }, "integration check failed");
    return { ok: false, code: "not_management_account", message: notManagementAccountMessage(role.accountId, membership) };
  }

  const enforced = await checkExternalIdEnforced(role, sessionName);
  if (!enforced.ok) return report(enforced.failure);

  return { ok: true, value: { ...provenance.value, organization: membership } };
}

type Provenance = Omit<VerifiedIntegration, "organization">;

// arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<id>, as AWS::StackId resolves.
const STACK_ID_PATTERN = /^arn:aws(-cn|-us-gov)?:cloudformation:[a-z]{2}(-[a-z]+)+-\d:\d{12}:stack\/[A-Za-z][A-Za-z0-9-]*\/[A-Za-z0-9-]+$/;
type ProvenanceResult = Checked<Provenance> | { ok: false; code: string; message: string };

// A CloudFormation role names its stack in a tag; a Terraform role carries its outputs as tags.
async function readProvenance(
  role: RoleArn,
  accountType: AwsAccountType,
  credentials: AwsCredentialIdentity,
  tags: Record<string, string>,
  retryControl: RetryControl,
): Promise<ProvenanceResult> {
  const stackId = tags[STACK_ID_TAG];
  if (!stackId) {
    if (!tags[ACCOUNT_TYPE_TAG]) return stackTagMissing(role);
    if (!tags[TEMPLATE_VERSION_TAG]) return { ok: false, failure: { code: "template_version_tag_missing", detail: {} } };
    const checked = checkRoleTags(tags, accountType);
    if (!checked.ok) return { ok: false, code: checked.code, message: stackOutputFailureMessage(checked.code, checked.detail, retryControl) };
    return { ok: true, value: { stackId: null, stackRegion: null, ...versionOf(checked.value) } };
  }

  if (!STACK_ID_PATTERN.test(stackId)) return { ok: false, failure: { code: "stack_tag_invalid", detail: { value: stackId } } };
  const found = await describeIntegrationStack(role, credentials, stackId);
  if (!found.ok) return found;
  const checked = checkStackOutputs(found.value.stack, role, accountType, found.value.region);
  if (!checked.ok) return { ok: false, code: checked.code, message: stackOutputFailureMessage(checked.code, checked.detail, retryControl) };
  return { ok: true, value: { stackId, stackRegion: found.value.region, ...versionOf(checked.value) } };
}

function versionOf(version: IntegrationVersion) {
  return { templateVersion: version.templateVersion, templateOutdated: version.outdated };
}

function reportFailure(log: Logger, failure: IntegrationFailure, messageContext: MessageContext): IntegrationCheckResult {
  log.warn({ outcome: failure.code, awsErrorCode: failure.awsErrorCode }, "integration check failed");
  return { ok: false, code: failure.code, awsErrorCode: failure.awsErrorCode, message: integrationFailureMessage(failure, messageContext) };
}
