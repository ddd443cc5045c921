import type { Logger } from "pino";
import type { AwsAccountType } from "@/db/schema";
import { awsSettings } from "@/lib/aws/config";
import {
  assumeIntegrationRole,
  findIntegrationStack,
  verifyCallerAccount,
  type IntegrationFailure,
} from "@/lib/aws/integration";
import { getPlatformPrincipal } from "@/lib/aws/platform";
import type { RoleArn } from "@/lib/aws/role-arn";
import { checkStackOutputs } from "@/lib/aws/stack-outputs";
import { integrationFailureMessage, stackOutputFailureMessage, type MessageContext } from "./connect-messages";

export interface IntegrationCheckRequest {
  role: RoleArn;
  accountType: AwsAccountType;
  workspaceId: string;
  externalId: string;
}

export interface VerifiedIntegration {
  stackId: string;
  stackRegion: string;
  templateVersion: string;
  templateOutdated: boolean;
}

export type IntegrationCheckResult =
  | { ok: true; value: VerifiedIntegration }
  | { ok: false; message: string; code: string; awsErrorCode?: string };

/**
 * Runs the AWS side of connect for a role: AssumeRole with the workspace's External ID,
 * GetCallerIdentity against the ARN's account, the stack found through the role's tag, and its outputs.
 * Connect and re-verification both call it, so a link is judged the same way every time.
 */
export async function runIntegrationChecks(request: IntegrationCheckRequest, log: Logger): Promise<IntegrationCheckResult> {
  const { role } = request;
  const principal = await getPlatformPrincipal();
  const messageContext = { roleArn: role.arn, principalArn: principal.arn };

  const assumed = await assumeIntegrationRole({
    role,
    externalId: request.externalId,
    sessionName: `XOps360-${request.workspaceId}`,
    retrySeconds: awsSettings().assumeRoleRetrySeconds,
  });
  if (!assumed.ok) return reportFailure(log, assumed.failure, messageContext);

  const caller = await verifyCallerAccount(role, assumed.value);
  if (!caller.ok) return reportFailure(log, caller.failure, messageContext);
  const found = await findIntegrationStack(role, assumed.value);
  if (!found.ok) return reportFailure(log, found.failure, messageContext);

  const { stack, stackId, region } = found.value;
  const outputs = checkStackOutputs(stack, role, request.accountType, region);
  if (!outputs.ok) {
    log.warn({ outcome: outputs.code, stackRegion: region }, "integration check failed on the stack outputs");
    return { ok: false, code: outputs.code, message: stackOutputFailureMessage(outputs.code, outputs.detail) };
  }

  return {
    ok: true,
    value: { stackId, stackRegion: region, templateVersion: outputs.value.templateVersion, templateOutdated: outputs.value.outdated },
  };
}

function reportFailure(log: Logger, failure: IntegrationFailure, messageContext: MessageContext): IntegrationCheckResult {
  log.warn({ outcome: failure.code, awsErrorCode: failure.awsErrorCode }, "integration check failed");
  return { ok: false, code: failure.code, awsErrorCode: failure.awsErrorCode, message: integrationFailureMessage(failure, messageContext) };
}
