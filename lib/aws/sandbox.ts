import { CreateStackCommand, DescribeStacksCommand, type Output } from "@aws-sdk/client-cloudformation";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import { cloudFormationClient } from "./clients";
import { awsSettings } from "./config";
import { regionForPartition } from "./partitions";
import { DEFAULT_ROLE_NAME, renderTemplateYaml, STACK_NAME } from "./template";

export interface SandboxStack {
  accountId: string;
  region: string;
  stackName: string;
  stackId: string;
  outputs: Output[];
}

const POLL_INTERVAL_MS = 250;
const POLL_TIMEOUT_MS = 30_000;

// Members of the organization the sandbox creates around a management account, so the linked-account
// flow and Link all can be tried offline.
const SANDBOX_MEMBERS = [{ name: "Sandbox Workloads" }, { name: "Sandbox Data" }, { name: "Sandbox Legacy", status: "SUSPENDED" }];

/** An error the emulator's control endpoint returned, with its HTTP status. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "SandboxError";
  }
}

/** Calls the emulator's control endpoint; only in sandbox mode, which a production build never enters. */
async function control<T>(path: string, body: unknown): Promise<T> {
  const { sandbox, endpoint } = awsSettings();
  if (!sandbox || !endpoint) throw new Error("the sandbox is only available in sandbox mode");

  const response = await fetch(new URL(`/_emulator/${path}`, endpoint), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new SandboxError(response.status, ((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Creates a sandbox organization and the management template's stack in its management account, as a
 * user would in the CloudFormation console, and waits for the outputs.
 */
export async function createSandboxManagementStack(externalId: string, principalArn: string): Promise<SandboxStack> {
  const { partition } = awsSettings();
  const organization = await control<{ managementAccount: { accountId: string; accessKeyId: string; secretAccessKey: string } }>(
    "organizations",
    { partition, members: SANDBOX_MEMBERS },
  );
  const { accountId, accessKeyId, secretAccessKey } = organization.managementAccount;
  return createStackAsCustomer(accountId, { accessKeyId, secretAccessKey }, externalId, principalArn);
}

/** Creates the linked template's stack in a member account, as a StackSet would. */
export async function createSandboxLinkedStack(memberAccountId: string, externalId: string, principalArn: string): Promise<SandboxStack> {
  const { partition } = awsSettings();
  const region = regionForPartition(partition);
  let created: { stackId: string; stackName: string; outputs: Output[] };
  try {
    created = await control("stacks", {
      accountId: memberAccountId,
      partition,
      region,
      templateBody: renderTemplateYaml("linked"),
      parameters: { ExternalId: externalId, PlatformPrincipalArn: principalArn },
    });
  } catch (error) {
    if (!(error instanceof SandboxError) || error.status !== 409) throw error;
    throw new Error(
      `The sandbox organization's member account ${memberAccountId} already has the stack ${STACK_NAME}. Paste its role, arn:${partition}:iam::${memberAccountId}:role/${DEFAULT_ROLE_NAME}, into AWS Role ARN and click Connect.`,
    );
  }
  return { accountId: memberAccountId, region, stackName: created.stackName, stackId: created.stackId, outputs: created.outputs };
}

async function createStackAsCustomer(accountId: string, credentials: AwsCredentialIdentity, externalId: string, principalArn: string): Promise<SandboxStack> {
  const region = regionForPartition(awsSettings().partition);
  const cloudFormation = cloudFormationClient(region, credentials);
  const created = await cloudFormation.send(
    new CreateStackCommand({
      StackName: STACK_NAME,
      TemplateBody: renderTemplateYaml("management"),
      Capabilities: ["CAPABILITY_NAMED_IAM"],
      Parameters: [
        { ParameterKey: "ExternalId", ParameterValue: externalId },
        { ParameterKey: "PlatformPrincipalArn", ParameterValue: principalArn },
      ],
    }),
  );

  const deadline = Date.now() + POLL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: created.StackId }));
    const stack = Stacks?.[0];
    if (stack?.StackStatus === "CREATE_COMPLETE") {
      return { accountId, region, stackName: STACK_NAME, stackId: created.StackId ?? "", outputs: stack.Outputs ?? [] };
    }
    if (stack?.StackStatus && !stack.StackStatus.endsWith("_IN_PROGRESS")) {
      throw new Error(`sandbox stack ended in ${stack.StackStatus}: ${stack.StackStatusReason ?? "no reason given"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error("sandbox stack did not complete within 30 seconds");
}
