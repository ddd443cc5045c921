import { CreateStackCommand, DescribeStacksCommand, type Output } from "@aws-sdk/client-cloudformation";
import type { AwsAccountType } from "@/db/schema";
import { cloudFormationClient } from "./clients";
import { awsSettings } from "./config";
import { regionForPartition } from "./partitions";
import { renderTemplateYaml, STACK_NAME } from "./template";

export interface SandboxStack {
  accountId: string;
  region: string;
  stackName: string;
  stackId: string;
  outputs: Output[];
}

const POLL_INTERVAL_MS = 250;
const POLL_TIMEOUT_MS = 30_000;

/**
 * Creates the integration stack in a new customer account of the local AWS emulator, as a user would in
 * the CloudFormation console, and waits for its outputs. Only available in sandbox mode.
 */
export async function createSandboxStack(type: AwsAccountType, externalId: string, principalArn: string): Promise<SandboxStack> {
  const { sandbox, endpoint, partition } = awsSettings();
  if (!sandbox || !endpoint) throw new Error("createSandboxStack called outside sandbox mode");

  const response = await fetch(new URL("/_emulator/accounts", endpoint), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ partition }),
  });
  if (!response.ok) throw new Error(`emulator refused to create an account: HTTP ${response.status}`);
  const account = (await response.json()) as { accountId: string; accessKeyId: string; secretAccessKey: string };

  const region = regionForPartition(partition);
  const cloudFormation = cloudFormationClient(region, { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey });
  const created = await cloudFormation.send(
    new CreateStackCommand({
      StackName: STACK_NAME,
      TemplateBody: renderTemplateYaml(type),
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
      return { accountId: account.accountId, region, stackName: STACK_NAME, stackId: created.StackId ?? "", outputs: stack.Outputs ?? [] };
    }
    if (stack?.StackStatus && !stack.StackStatus.endsWith("_IN_PROGRESS")) {
      throw new Error(`sandbox stack ended in ${stack.StackStatus}: ${stack.StackStatusReason ?? "no reason given"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error("sandbox stack did not complete within 30 seconds");
}
