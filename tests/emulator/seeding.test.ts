import { DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { EmulatorControl, PlatformPrincipal } from "@/emulator/client";
import type { EmulatorControlError } from "@/emulator/client";
import type { RunningEmulator } from "@/emulator/server";

import { clients, EXTERNAL_ID, INTEGRATION_TEMPLATE, rejection, startTestEmulator } from "./helpers";

let emulator: RunningEmulator;
let control: EmulatorControl;
let platform: PlatformPrincipal;

beforeAll(async () => {
  ({ emulator, control } = await startTestEmulator());
  platform = await control.platform("aws");
});

afterEach(async () => {
  await control.setFaults({ stuckStacks: false, iamPropagationSeconds: 0 });
});

afterAll(async () => {
  await emulator.close();
});

const PARAMETERS = () => ({ ExternalId: EXTERNAL_ID, PlatformPrincipalArn: platform.arn });

function trustPolicy(condition?: Record<string, unknown>) {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: platform.arn }, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }],
  };
}

describe("POST /_emulator/stacks", () => {
  it("creates a complete stack with its outputs", async () => {
    const account = await control.createAccount();

    const created = await control.createStack({ accountId: account.accountId, region: "eu-west-1", templateBody: INTEGRATION_TEMPLATE, parameters: PARAMETERS() });

    expect(created.stackId).toMatch(new RegExp(`^arn:aws:cloudformation:eu-west-1:${account.accountId}:stack/XOps360-Integration/`));
    expect(created.outputs.map((output) => output.OutputKey)).toEqual(["RoleArn", "AccountType", "TemplateVersion"]);
    const { Stacks } = await clients(emulator.endpoint, account, "eu-west-1").cloudformation.send(new DescribeStacksCommand({ StackName: created.stackId }));
    expect(Stacks?.[0]?.StackStatus).toBe("CREATE_COMPLETE");
  });

  it("creates a role that requires the External ID", async () => {
    const account = await control.createAccount();
    const { outputs } = await control.createStack({ accountId: account.accountId, templateBody: INTEGRATION_TEMPLATE, parameters: PARAMETERS(), stackName: "Seeded" });
    const roleArn = outputs.find((output) => output.OutputKey === "RoleArn")!.OutputValue;
    const sts = clients(emulator.endpoint, platform).sts;

    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "seeded", ExternalId: EXTERNAL_ID }));
    const error = await rejection(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "seeded" })));

    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${account.accountId}:assumed-role/XOps360Integration/seeded`);
    expect(error.name).toBe("AccessDenied");
  });

  it("completes a stack even when stacks are stuck", async () => {
    await control.setFaults({ stuckStacks: true });
    const account = await control.createAccount();

    const created = await control.createStack({ accountId: account.accountId, templateBody: INTEGRATION_TEMPLATE, parameters: PARAMETERS() });

    expect(created.outputs).toHaveLength(3);
  });

  it("rejects a template the engine rejects", async () => {
    const account = await control.createAccount();

    const error = await rejection(control.createStack({ accountId: account.accountId, templateBody: INTEGRATION_TEMPLATE, parameters: { ExternalId: "short" } }));

    expect((error as unknown as EmulatorControlError).status).toBe(400);
    expect(error.message).toContain("ValidationError");
  });

  it("rejects a stack name in use", async () => {
    const account = await control.createAccount();
    await control.createStack({ accountId: account.accountId, templateBody: INTEGRATION_TEMPLATE, parameters: PARAMETERS() });

    const error = await rejection(control.createStack({ accountId: account.accountId, templateBody: INTEGRATION_TEMPLATE, parameters: PARAMETERS() }));

    expect((error as unknown as EmulatorControlError).status).toBe(409);
  });

  it("rejects an unknown account", async () => {
    const error = await rejection(control.createStack({ accountId: "999999999999", templateBody: INTEGRATION_TEMPLATE, parameters: PARAMETERS() }));

    expect((error as unknown as EmulatorControlError).status).toBe(404);
  });

  it("rejects a region of another partition", async () => {
    const account = await control.createAccount({ partition: "aws-cn" });

    const error = await rejection(control.createStack({ accountId: account.accountId, partition: "aws-cn", region: "us-east-1", templateBody: INTEGRATION_TEMPLATE, parameters: PARAMETERS() }));

    expect(error.message).toBe("POST /_emulator/stacks failed with 400: Region us-east-1 is not in partition aws-cn.");
  });
});

describe("POST /_emulator/roles", () => {
  it("creates a role without the External ID condition", async () => {
    const account = await control.createAccount();
    const { roleArn } = await control.createRole({ accountId: account.accountId, roleName: "NoExternalId", trustPolicy: trustPolicy() });

    const assumed = await clients(emulator.endpoint, platform).sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "deputy", ExternalId: "any-value-at-all" }));

    expect(roleArn).toBe(`arn:aws:iam::${account.accountId}:role/NoExternalId`);
    expect(assumed.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it("creates a role with a path, tags and a longer session", async () => {
    const account = await control.createAccount();
    const { roleArn } = await control.createRole({
      accountId: account.accountId,
      roleName: "Long",
      path: "/service-role/",
      trustPolicy: JSON.stringify(trustPolicy({ StringEquals: { "sts:ExternalId": EXTERNAL_ID } })),
      tags: { "xops360:stack-id": "none" },
      maxSessionDuration: 7200,
    });

    const assumed = await clients(emulator.endpoint, platform).sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "long", ExternalId: EXTERNAL_ID, DurationSeconds: 7200 }),
    );

    expect(roleArn).toBe(`arn:aws:iam::${account.accountId}:role/service-role/Long`);
    expect(assumed.Credentials?.Expiration).toBeInstanceOf(Date);
  });

  it("follows the IAM propagation fault", async () => {
    await control.setFaults({ iamPropagationSeconds: 30 });
    const account = await control.createAccount();
    const { roleArn } = await control.createRole({ accountId: account.accountId, roleName: "Fresh", trustPolicy: trustPolicy() });

    const error = await rejection(clients(emulator.endpoint, platform).sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "fresh" })));

    expect(error.name).toBe("AccessDenied");
  });

  it("rejects a role name in use", async () => {
    const account = await control.createAccount();
    await control.createRole({ accountId: account.accountId, roleName: "Twice", trustPolicy: trustPolicy() });

    const error = await rejection(control.createRole({ accountId: account.accountId, roleName: "twice", trustPolicy: trustPolicy() }));

    expect(error.message).toBe("POST /_emulator/roles failed with 409: EntityAlreadyExists: Role with name twice already exists.");
  });

  it("rejects an unknown managed policy and keeps no role", async () => {
    const account = await control.createAccount();
    const input = { accountId: account.accountId, roleName: "Broken", trustPolicy: trustPolicy(), managedPolicyArns: ["arn:aws:iam::aws:policy/NoSuchPolicy"] };

    const error = await rejection(control.createRole(input));
    const retried = await control.createRole({ ...input, managedPolicyArns: [] });

    expect((error as unknown as EmulatorControlError).status).toBe(400);
    expect(retried.roleName).toBe("Broken");
  });
});
