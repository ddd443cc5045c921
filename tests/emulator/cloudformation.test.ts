import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStacksCommand,
} from "@aws-sdk/client-cloudformation";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { EmulatorControl, PlatformPrincipal } from "@/emulator/client";
import type { RunningEmulator } from "@/emulator/server";

import type { Credentials } from "./helpers";
import {
  clients,
  deployIntegrationRole,
  EXTERNAL_ID,
  INTEGRATION_TEMPLATE,
  integrationParameters,
  rejection,
  startTestEmulator,
  waitForStack,
} from "./helpers";

let emulator: RunningEmulator;
let control: EmulatorControl;
let platform: PlatformPrincipal;

beforeAll(async () => {
  ({ emulator, control } = await startTestEmulator(100));
  platform = await control.platform("aws");
});

afterAll(async () => {
  await emulator.close();
});

async function newAccount() {
  const account: Credentials & { accountId: string } = await control.createAccount();
  return { ...account, cloudformation: clients(emulator.endpoint, account, "eu-west-1").cloudformation };
}

function createIntegrationStack(name: string, parameters = integrationParameters(platform.arn)) {
  return new CreateStackCommand({
    StackName: name,
    TemplateBody: INTEGRATION_TEMPLATE,
    Capabilities: ["CAPABILITY_NAMED_IAM"],
    Parameters: parameters,
  });
}

describe("stack lifecycle", () => {
  it("creates the role and publishes outputs once complete", async () => {
    const { accountId, cloudformation } = await newAccount();
    const { StackId } = await cloudformation.send(createIntegrationStack("xops360"));
    expect(StackId).toMatch(new RegExp(`^arn:aws:cloudformation:eu-west-1:${accountId}:stack/xops360/[0-9a-f-]{36}$`));

    const { Stacks: pending } = await cloudformation.send(new DescribeStacksCommand({ StackName: "xops360" }));
    expect(pending?.[0]?.StackStatus).toBe("CREATE_IN_PROGRESS");
    expect(pending?.[0]?.Outputs).toBeUndefined();

    const stack = await waitForStack(cloudformation, "xops360");
    expect(stack.StackStatus).toBe("CREATE_COMPLETE");
    expect(stack.StackId).toBe(StackId);
    expect(stack.Outputs).toEqual([
      { OutputKey: "RoleArn", OutputValue: `arn:aws:iam::${accountId}:role/XOps360Integration` },
      { OutputKey: "AccountType", OutputValue: "management" },
      { OutputKey: "TemplateVersion", OutputValue: "1.0.0" },
    ]);
    expect(stack.Parameters).toContainEqual({ ParameterKey: "RoleName", ParameterValue: "XOps360Integration" });
  });

  it("finds a stack by ID only in its own region", async () => {
    const { cloudformation, ...account } = await newAccount();
    const { stack } = await deployIntegrationRole(cloudformation, platform.arn);

    const byId = await cloudformation.send(new DescribeStacksCommand({ StackName: stack.StackId }));
    expect(byId.Stacks?.[0]?.StackName).toBe("xops360-integration");

    const elsewhere = clients(emulator.endpoint, account, "us-east-1").cloudformation;
    const error = await rejection(elsewhere.send(new DescribeStacksCommand({ StackName: stack.StackId })));
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe(`Stack with id ${stack.StackId} does not exist`);
    expect(error.$metadata.httpStatusCode).toBe(400);

    const byName = await rejection(elsewhere.send(new DescribeStacksCommand({ StackName: "xops360-integration" })));
    expect(byName.message).toBe("Stack with id xops360-integration does not exist");
  });

  it("lets the integration role read its own stack", async () => {
    const { cloudformation, accountId } = await newAccount();
    const { roleArn, stack } = await deployIntegrationRole(cloudformation, platform.arn);
    const { Credentials } = await clients(emulator.endpoint, platform).sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "reader", ExternalId: EXTERNAL_ID }),
    );
    const session = clients(
      emulator.endpoint,
      { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! },
      "eu-west-1",
    );

    const { Stacks } = await session.cloudformation.send(new DescribeStacksCommand({ StackName: stack.StackId }));
    expect(Stacks?.[0]?.Outputs?.find((output) => output.OutputKey === "RoleArn")?.OutputValue).toBe(roleArn);

    const error = await rejection(session.cloudformation.send(new DeleteStackCommand({ StackName: stack.StackId })));
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(
      `User: arn:aws:sts::${accountId}:assumed-role/XOps360Integration/reader is not authorized to perform: cloudformation:DeleteStack on resource: ${stack.StackId} because no identity-based policy allows the cloudformation:DeleteStack action`,
    );
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("deletes the stack and its role", async () => {
    const { cloudformation, ...account } = await newAccount();
    const { stack } = await deployIntegrationRole(cloudformation, platform.arn);
    await cloudformation.send(new DeleteStackCommand({ StackName: "xops360-integration" }));

    const deleted = await waitForStack(cloudformation, stack.StackId!);
    expect(deleted.StackStatus).toBe("DELETE_COMPLETE");
    expect(deleted.DeletionTime).toBeInstanceOf(Date);

    const byName = await rejection(cloudformation.send(new DescribeStacksCommand({ StackName: "xops360-integration" })));
    expect(byName.message).toBe("Stack with id xops360-integration does not exist");

    const role = await rejection(clients(emulator.endpoint, account).iam.send(new GetRoleCommand({ RoleName: "XOps360Integration" })));
    expect(role.name).toBe("NoSuchEntityException");

    const { StackSummaries } = await cloudformation.send(new ListStacksCommand({ StackStatusFilter: ["DELETE_COMPLETE"] }));
    expect(StackSummaries?.map((summary) => summary.StackId)).toEqual([stack.StackId]);
  });

  it("lists the stacks of the region without a name", async () => {
    const { cloudformation } = await newAccount();
    await deployIntegrationRole(cloudformation, platform.arn, { stackName: "first", roleName: "First" });
    await deployIntegrationRole(cloudformation, platform.arn, { stackName: "second", roleName: "Second" });

    const { Stacks, NextToken } = await cloudformation.send(new DescribeStacksCommand({}));
    expect(Stacks?.map((stack) => stack.StackName)).toEqual(["second", "first"]);
    expect(NextToken).toBeUndefined();
  });
});

describe("CreateStack validation", () => {
  it("rejects a stack name in use", async () => {
    const { cloudformation } = await newAccount();
    await cloudformation.send(createIntegrationStack("taken"));

    const error = await rejection(cloudformation.send(createIntegrationStack("taken")));
    expect(error.name).toBe("AlreadyExistsException");
    expect(error.message).toBe("Stack [taken] already exists");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("requires CAPABILITY_NAMED_IAM for a named role", async () => {
    const { cloudformation } = await newAccount();
    const error = await rejection(
      cloudformation.send(new CreateStackCommand({ StackName: "caps", TemplateBody: INTEGRATION_TEMPLATE, Parameters: integrationParameters(platform.arn) })),
    );
    expect(error.name).toBe("InsufficientCapabilitiesException");
    expect(error.message).toBe("Requires capabilities : [CAPABILITY_NAMED_IAM]");
  });

  it.each([
    [integrationParameters("x", "short"), "Parameter 'ExternalId' must contain at least 32 characters"],
    [integrationParameters("x", "has_underscores_0123456789abcdefgh"), "Parameter 'ExternalId' must match pattern ^[A-Za-z0-9-]+$"],
    [[{ ParameterKey: "ExternalId", ParameterValue: EXTERNAL_ID }], "Parameters: [PlatformPrincipalArn] must have values"],
    [[...integrationParameters("x"), { ParameterKey: "Unknown", ParameterValue: "1" }], "Parameters: [Unknown] do not exist in the template"],
  ])("rejects invalid parameters (%#)", async (parameters, message) => {
    const { cloudformation } = await newAccount();
    const error = await rejection(cloudformation.send(createIntegrationStack("params", parameters)));
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe(message);
  });

  it("rejects a reference to an unknown name", async () => {
    const { cloudformation } = await newAccount();
    const template = JSON.stringify({ Resources: { Role: { Type: "AWS::IAM::Role", Properties: { RoleName: { Ref: "Nope" } } } } });
    const error = await rejection(
      cloudformation.send(new CreateStackCommand({ StackName: "refs", TemplateBody: template, Capabilities: ["CAPABILITY_NAMED_IAM"] })),
    );
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe("Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template");
  });
});

describe("stack failures", () => {
  it("rolls back a stack with an unsupported resource type", async () => {
    const { cloudformation } = await newAccount();
    const template = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";
    await cloudformation.send(new CreateStackCommand({ StackName: "bucket", TemplateBody: template }));

    const stack = await waitForStack(cloudformation, "bucket");
    expect(stack.StackStatus).toBe("ROLLBACK_COMPLETE");
    expect(stack.StackStatusReason).toBe("The following resource(s) failed to create: [Bucket]. Rollback requested by user.");

    const { StackEvents } = await cloudformation.send(new DescribeStackEventsCommand({ StackName: "bucket" }));
    const failed = StackEvents?.find((event) => event.ResourceStatus === "CREATE_FAILED");
    expect(failed?.LogicalResourceId).toBe("Bucket");
    expect(failed?.ResourceStatusReason).toBe("Resource type AWS::S3::Bucket is not supported by the XOps 360 AWS emulator");
  });

  it("fails when the role name exists in the account", async () => {
    const { cloudformation } = await newAccount();
    await deployIntegrationRole(cloudformation, platform.arn, { stackName: "original" });
    await cloudformation.send(createIntegrationStack("duplicate"));

    const stack = await waitForStack(cloudformation, "duplicate");
    expect(stack.StackStatus).toBe("ROLLBACK_COMPLETE");
    const { StackEvents } = await cloudformation.send(new DescribeStackEventsCommand({ StackName: "duplicate" }));
    const failed = StackEvents?.find((event) => event.ResourceStatus === "CREATE_FAILED");
    expect(failed?.ResourceStatusReason).toBe("XOps360Integration already exists");

    const original = await waitForStack(cloudformation, "original");
    expect(original.StackStatus).toBe("CREATE_COMPLETE");
  });
});

describe("template features", () => {
  it("evaluates conditions and intrinsic functions in a JSON template", async () => {
    const { cloudformation, accountId } = await newAccount();
    const template = JSON.stringify({
      Parameters: { Env: { Type: "String", AllowedValues: ["prod", "dev"] }, Names: { Type: "CommaDelimitedList", Default: "a,b" } },
      Conditions: { IsProd: { "Fn::Equals": [{ Ref: "Env" }, "prod"] }, NotProd: { "Fn::Not": [{ Condition: "IsProd" }] } },
      Resources: {
        Policy: {
          Type: "AWS::IAM::ManagedPolicy",
          Properties: { PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] } },
        },
        DevOnly: { Type: "AWS::S3::Bucket", Condition: "NotProd" },
      },
      Outputs: {
        Joined: { Value: { "Fn::Join": ["-", [{ Ref: "AWS::Region" }, { "Fn::Select": [1, { Ref: "Names" }] }]] } },
        Mode: { Value: { "Fn::If": ["IsProd", "production", "development"] }, Description: "environment" },
        Suffix: { Value: { "Fn::Sub": "${AWS::URLSuffix}/${AWS::AccountId}" } },
        PolicyArn: { Value: { Ref: "Policy" } },
      },
    });
    await cloudformation.send(
      new CreateStackCommand({ StackName: "features", TemplateBody: template, Capabilities: ["CAPABILITY_IAM"], Parameters: [{ ParameterKey: "Env", ParameterValue: "prod" }] }),
    );

    const stack = await waitForStack(cloudformation, "features");
    expect(stack.StackStatus).toBe("CREATE_COMPLETE");
    expect(stack.Outputs).toEqual([
      { OutputKey: "Joined", OutputValue: "eu-west-1-b" },
      { OutputKey: "Mode", OutputValue: "production", Description: "environment" },
      { OutputKey: "Suffix", OutputValue: `amazonaws.com/${accountId}` },
      { OutputKey: "PolicyArn", OutputValue: expect.stringMatching(new RegExp(`^arn:aws:iam::${accountId}:policy/features-Policy-[A-Z0-9]{12}$`)) },
    ]);
  });
});
