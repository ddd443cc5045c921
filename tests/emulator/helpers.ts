import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";

import { createEmulatorControl } from "@/emulator/client";
import type { RunningEmulator } from "@/emulator/server";
import { startEmulator } from "@/emulator/server";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const EXTERNAL_ID = "xops-test-external-id-0123456789abcdef";

/** The portal's integration template, in the shape the tests exercise. */
export const INTEGRATION_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  ExternalId: { Type: String, MinLength: 32, AllowedPattern: "^[A-Za-z0-9-]+$" }
  PlatformPrincipalArn: { Type: String }
  RoleName: { Type: String, Default: XOps360Integration }
Resources:
  IntegrationRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Ref RoleName
      MaxSessionDuration: 3600
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: !Ref PlatformPrincipalArn }
            Action: sts:AssumeRole
            Condition: { StringEquals: { "sts:ExternalId": !Ref ExternalId } }
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/SecurityAudit
      Policies:
        - PolicyName: ReadOwnStack
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [cloudformation:DescribeStacks]
                Resource: !Ref AWS::StackId
              - Effect: Allow
                Action: [iam:GetRole]
                Resource: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/\${RoleName}
      Tags:
        - { Key: xops360:stack-id, Value: !Ref AWS::StackId }
Outputs:
  RoleArn: { Value: !GetAtt IntegrationRole.Arn }
  AccountType: { Value: management }
  TemplateVersion: { Value: "1.0.0" }
`;

export async function startTestEmulator(stackCreateDelayMs = 50) {
  const emulator: RunningEmulator = await startEmulator({ port: 0, stackCreateDelayMs });
  const control = createEmulatorControl(emulator.endpoint);
  return { emulator, control };
}

/** SDK clients pointed at the emulator. maxAttempts 1 shows the raw error instead of retrying it. */
export function clients(endpoint: string, credentials: Credentials, region = "us-east-1") {
  const config = { endpoint, region, credentials, maxAttempts: 1 };
  return {
    sts: new STSClient(config),
    iam: new IAMClient(config),
    cloudformation: new CloudFormationClient(config),
  };
}

/** Returns the error a promise rejects with, failing the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function integrationParameters(platformArn: string, externalId = EXTERNAL_ID, roleName?: string) {
  const parameters = [
    { ParameterKey: "ExternalId", ParameterValue: externalId },
    { ParameterKey: "PlatformPrincipalArn", ParameterValue: platformArn },
  ];
  if (roleName !== undefined) parameters.push({ ParameterKey: "RoleName", ParameterValue: roleName });
  return parameters;
}

/** Polls DescribeStacks until the stack leaves its IN_PROGRESS status and returns the stack. */
export async function waitForStack(cloudformation: CloudFormationClient, stackName: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Stacks } = await cloudformation.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = Stacks?.[0];
    if (stack && !stack.StackStatus?.endsWith("_IN_PROGRESS")) return stack;
    await sleep(20);
  }
  throw new Error(`stack ${stackName} did not leave IN_PROGRESS within 2 seconds`);
}

/** Creates the integration stack in a customer account, waits for it and returns the role ARN. */
export async function deployIntegrationRole(
  cloudformation: CloudFormationClient,
  platformArn: string,
  options: { stackName?: string; roleName?: string; externalId?: string } = {},
) {
  const stackName = options.stackName ?? "xops360-integration";
  await cloudformation.send(
    new CreateStackCommand({
      StackName: stackName,
      TemplateBody: INTEGRATION_TEMPLATE,
      Capabilities: ["CAPABILITY_NAMED_IAM"],
      Parameters: integrationParameters(platformArn, options.externalId, options.roleName),
    }),
  );
  const stack = await waitForStack(cloudformation, stackName);
  const roleArn = stack.Outputs?.find((output) => output.OutputKey === "RoleArn")?.OutputValue;
  if (stack.StackStatus !== "CREATE_COMPLETE" || roleArn === undefined) {
    throw new Error(`stack ${stackName} ended in ${stack.StackStatus}: ${stack.StackStatusReason}`);
  }
  return { stack, roleArn };
}
