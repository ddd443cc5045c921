import { randomUUID } from "node:crypto";
import { DescribeStacksCommand, type Stack } from "@aws-sdk/client-cloudformation";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import { cloudFormationClient, iamClient, stsClient } from "./clients";
import { awsErrorCode, awsErrorMessage, isNetworkError, isThrottling } from "./errors";
import type { RoleArn } from "./role-arn";

export type IntegrationFailureCode =
  | "access_denied"
  | "region_disabled"
  | "throttled"
  | "aws_unreachable"
  | "aws_error"
  | "account_mismatch"
  | "role_not_readable"
  | "stack_tag_missing"
  | "stack_not_found"
  | "stack_not_readable"
  | "organization_not_readable"
  | "external_id_not_enforced"
  | "trust_too_broad"
  | "external_id_condition_loose"
  | "stack_tag_invalid"
  | "template_version_tag_missing";

export interface IntegrationFailure {
  code: IntegrationFailureCode;
  awsErrorCode?: string;
  /** Values the user message names: account ID, region, stack ID, AWS's own message. */
  detail: Record<string, string>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; failure: IntegrationFailure };

export interface AssumeRoleRequest {
  role: RoleArn;
  externalId: string;
  sessionName: string;
  /** How long to keep retrying AccessDenied while IAM propagates a role created seconds ago. */
  retrySeconds: number;
}

// The shortest session STS allows: the credentials live only for the request that made them.
const SESSION_SECONDS = 900;

/** Calls AssumeRole with the workspace's External ID, retrying AccessDenied with backoff for a bounded time. */
export async function assumeIntegrationRole(request: AssumeRoleRequest): Promise<Checked<AwsCredentialIdentity>> {
  const sts = stsClient(request.role.partition);
  const deadline = Date.now() + request.retrySeconds * 1000;
  let delayMs = 1000;

  for (;;) {
    try {
      const output = await sts.send(
        new AssumeRoleCommand({
          RoleArn: request.role.arn,
          RoleSessionName: request.sessionName,
          ExternalId: request.externalId,
          DurationSeconds: SESSION_SECONDS,
        }),
      );
      const credentials = output.Credentials;
      if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
        return fail("aws_error", "MissingCredentials", { message: "AssumeRole returned no credentials" });
      }
      return {
        ok: true,
        value: {
          accessKeyId: credentials.AccessKeyId,
          secretAccessKey: credentials.SecretAccessKey,
          sessionToken: credentials.SessionToken,
          expiration: credentials.Expiration,
        },
      };
    } catch (error) {
      const code = awsErrorCode(error);
      const retryable = code === "AccessDenied" && Date.now() + delayMs <= deadline;
      if (!retryable) return failFromError(error, code === "AccessDenied" ? "access_denied" : undefined);

      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 8000);
    }
  }
}

/**
 * Confused-deputy check: AssumeRole with a deliberately wrong External ID must be refused. If it
 * succeeds, the role does not require this workspace's External ID, and any other tenant of the portal
 * that learns its ARN could use it.
 */
export async function checkExternalIdEnforced(role: RoleArn, sessionName: string): Promise<Checked<true>> {
  try {
    await stsClient(role.partition).send(
      new AssumeRoleCommand({
        RoleArn: role.arn,
        RoleSessionName: sessionName,
        ExternalId: `xops360-wrong-external-id-${randomUUID()}`,
        DurationSeconds: SESSION_SECONDS,
      }),
    );
    return fail("external_id_not_enforced", undefined, {});
  } catch (error) {
    if (awsErrorCode(error) === "AccessDenied") return { ok: true, value: true };
    return failFromError(error);
  }
}

/** Checks that the assumed credentials belong to the account named in the Role ARN. */
export async function verifyCallerAccount(role: RoleArn, credentials: AwsCredentialIdentity): Promise<Checked<string>> {
  try {
    const identity = await stsClient(role.partition, credentials).send(new GetCallerIdentityCommand({}));
    if (identity.Account !== role.accountId) {
      return fail("account_mismatch", undefined, { expected: role.accountId, actual: identity.Account ?? "unknown" });
    }
    return { ok: true, value: identity.Arn ?? "" };
  } catch (error) {
    return failFromError(error);
  }
}

export interface FoundStack {
  stack: Stack;
  stackId: string;
  region: string;
}

export interface IntegrationRoleDetails {
  /** Tags naming the role's stack (CloudFormation) or carrying its outputs (Terraform). */
  tags: Record<string, string>;
  /** The trust policy as IAM returns it, URL-encoded JSON. */
  trustPolicy: string | undefined;
}

/** Reads the integration role's tags and trust policy with the role's own credentials. */
export async function readIntegrationRole(role: RoleArn, credentials: AwsCredentialIdentity): Promise<Checked<IntegrationRoleDetails>> {
  try {
    const output = await iamClient(role.partition, credentials).send(new GetRoleCommand({ RoleName: role.roleName }));
    const tags = Object.fromEntries((output.Role?.Tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""]));
    return { ok: true, value: { tags, trustPolicy: output.Role?.AssumeRolePolicyDocument } };
  } catch (error) {
    return failFromError(error, awsErrorCode(error) === "AccessDenied" ? "role_not_readable" : undefined);
  }
}

/** Reads the role's stack in the stack's own region, which its ID names. */
export async function describeIntegrationStack(role: RoleArn, credentials: AwsCredentialIdentity, stackId: string): Promise<Checked<FoundStack>> {
  // Stack IDs look like arn:aws:cloudformation:eu-west-1:111122223333:stack/Name/uuid.
  const region = stackId.split(":")[3] ?? "";
  try {
    const output = await cloudFormationClient(region, credentials).send(new DescribeStacksCommand({ StackName: stackId }));
    const stack = output.Stacks?.[0];
    if (!stack) return fail("stack_not_found", undefined, { accountId: role.accountId, region, stackId });
    return { ok: true, value: { stack, stackId, region } };
  } catch (error) {
    const code = awsErrorCode(error);
    if (code === "ValidationError") return fail("stack_not_found", code, { accountId: role.accountId, region, stackId });
    return failFromError(error, code === "AccessDenied" ? "stack_not_readable" : undefined, { region, stackId });
  }
}

export function stackTagMissing<T>(role: RoleArn): Checked<T> {
  return fail("stack_tag_missing", undefined, { accountId: role.accountId });
}

function fail<T>(code: IntegrationFailureCode, awsCode: string | undefined, detail: Record<string, string>): Checked<T> {
  return { ok: false, failure: { code, awsErrorCode: awsCode, detail } };
}

/** Maps an SDK error to a failure: throttling, network, disabled region and AccessDenied each get their code. */
export function failFromError<T>(error: unknown, code?: IntegrationFailureCode, detail: Record<string, string> = {}): Checked<T> {
  const awsCode = awsErrorCode(error);
  const resolved: IntegrationFailureCode =
    code ??
    (isThrottling(error)
      ? "throttled"
      : isNetworkError(error)
        ? "aws_unreachable"
        : awsCode === "RegionDisabledException"
          ? "region_disabled"
          : awsCode === "AccessDenied"
            ? "access_denied"
            : "aws_error");
  return fail(resolved, awsCode, { ...detail, message: awsErrorMessage(error) });
}
