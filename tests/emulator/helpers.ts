import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { request as httpRequest } from "node:http";

import { Sha256 } from "@aws-crypto/sha256-js";
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { STSClient } from "@aws-sdk/client-sts";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

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
    organizations: new OrganizationsClient(config),
  };
}

export interface RawRequest {
  /** Value of the Host header, which is also the host name signed. */
  host: string;
  /** Signing name and region of the credential scope. */
  service: string;
  region: string;
  body: string;
  /** X-Amz-Target of a JSON-protocol call; without it the body is a query-protocol form. */
  target?: string;
}

/**
 * Signs a request for any host name and sends it to the emulator on loopback with that Host header,
 * as a client that resolved an AWS endpoint name to the emulator would. Returns the raw response.
 */
export async function sendSigned(endpoint: string, credentials: Credentials, raw: RawRequest): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {
    host: raw.host,
    "content-type": raw.target === undefined ? "application/x-www-form-urlencoded; charset=utf-8" : "application/x-amz-json-1.1",
  };
  if (raw.target !== undefined) headers["x-amz-target"] = raw.target;
  if (credentials.sessionToken !== undefined) headers["x-amz-security-token"] = credentials.sessionToken;

  const signer = new SignatureV4({ service: raw.service, region: raw.region, credentials, sha256: Sha256 });
  const signed = await signer.sign(new HttpRequest({ method: "POST", protocol: "http:", hostname: raw.host, path: "/", headers, body: raw.body }));

  const { port } = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port: Number(port), method: "POST", path: "/", headers: signed.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end(raw.body);
  });
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
