import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStacksCommand, type Stack } from "@aws-sdk/client-cloudformation";
import { stringify } from "yaml";
import { createEmulatorControl } from "@/emulator/client";
import { startEmulator } from "@/emulator/server";
import { buildTemplate, STACK_NAME } from "@/lib/aws/template";

export type EmulatorControl = ReturnType<typeof createEmulatorControl>;

/** Faults all off, for resetting the emulator between tests. */
export const NO_FAULTS: {
  latencyMs: number;
  throttleRate: number;
  iamPropagationSeconds: number;
  stsDisabledRegions: string[];
  stuckStacks: boolean;
  resetRate: number;
  throttleServices: string[];
  randomSeed: number | null;
} = {
  latencyMs: 0,
  throttleRate: 0,
  iamPropagationSeconds: 0,
  stsDisabledRegions: [],
  stuckStacks: false,
  resetRate: 0,
  throttleServices: [],
  randomSeed: null,
};

export interface TestAws {
  endpoint: string;
  control: EmulatorControl;
  principalArn: string;
  /** Restores the faults the run started with: none, or those of TEST_AWS_FAULTS. */
  resetFaults(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Faults every test of the run starts with, from TEST_AWS_FAULTS (JSON, the emulator's fault fields),
 * so a suite can run unchanged under latency and throttling: `TEST_AWS_FAULTS='{"latencyMs":100}'`.
 */
function baselineFaults(): typeof NO_FAULTS {
  const configured = process.env.TEST_AWS_FAULTS;
  return configured ? { ...NO_FAULTS, ...(JSON.parse(configured) as Partial<typeof NO_FAULTS>) } : NO_FAULTS;
}

/**
 * Starts the AWS emulator on a free loopback port and points the portal's AWS settings at it, with the
 * emulator's platform user as the portal's identity and no AccessDenied retries unless a test sets them.
 */
export async function startTestAws(): Promise<TestAws> {
  const emulator = await startEmulator({ port: 0, stackCreateDelayMs: 50 });
  const control = createEmulatorControl(emulator.endpoint);
  const platform = await control.platform("aws");

  process.env.XOPS_AWS_ENDPOINT_URL = emulator.endpoint;
  process.env.AWS_ACCESS_KEY_ID = platform.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = platform.secretAccessKey;
  process.env.XOPS_ASSUME_ROLE_RETRY_SECONDS = "0";
  delete process.env.AWS_REGION;
  delete process.env.AWS_DEFAULT_REGION;

  const resetFaults = async () => {
    await control.setFaults(baselineFaults());
  };
  await resetFaults();
  return { endpoint: emulator.endpoint, control, principalArn: platform.arn, resetFaults, close: emulator.close };
}

export interface CustomerStackOptions {
  externalId: string;
  principalArn: string;
  region?: string;
  accountId?: string;
  /** The template as an object, to change a property or an output; the portal's management template by default. */
  template?: Record<string, unknown>;
  /** An existing account's admin credentials, such as an organization member's; a new account by default. */
  account?: { accountId: string; accessKeyId: string; secretAccessKey: string };
  waitForComplete?: boolean;
}

export interface CustomerStack {
  accountId: string;
  roleArn: string;
  stackId: string;
  region: string;
  stack: Stack;
  cloudFormation: CloudFormationClient;
  /** The customer account's admin credentials in the emulator. */
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** Creates the integration stack in a new emulated customer account, as a customer would in the console. */
export async function createCustomerStack(aws: TestAws, options: CustomerStackOptions): Promise<CustomerStack> {
  const account = options.account ?? (await aws.control.createAccount({ partition: "aws", accountId: options.accountId }));
  const region = options.region ?? "us-east-1";
  const cloudFormation = new CloudFormationClient({
    region,
    endpoint: aws.endpoint,
    credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
  });

  const { StackId } = await cloudFormation.send(
    new CreateStackCommand({
      StackName: STACK_NAME,
      TemplateBody: stringify(options.template ?? buildTemplate("management")),
      Capabilities: ["CAPABILITY_NAMED_IAM"],
      Parameters: [
        { ParameterKey: "ExternalId", ParameterValue: options.externalId },
        { ParameterKey: "PlatformPrincipalArn", ParameterValue: options.principalArn },
      ],
    }),
  );

  let stack: Stack | undefined;
  for (let attempt = 0; attempt < 200; attempt++) {
    stack = (await cloudFormation.send(new DescribeStacksCommand({ StackName: StackId }))).Stacks?.[0];
    if (options.waitForComplete === false || !stack?.StackStatus?.endsWith("_IN_PROGRESS")) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (!stack) throw new Error("stack not found after CreateStack");

  const roleArn = stack.Outputs?.find((output) => output.OutputKey === "RoleArn")?.OutputValue ?? "";
  const credentials = { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey };
  return { accountId: account.accountId, roleArn, stackId: StackId ?? "", region, stack, cloudFormation, credentials };
}

export async function deleteCustomerStack(stack: CustomerStack): Promise<void> {
  await stack.cloudFormation.send(new DeleteStackCommand({ StackName: stack.stackId }));
}
