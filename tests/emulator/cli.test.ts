import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { EmulatorControl, PlatformPrincipal } from "@/emulator/client";
import type { RunningEmulator } from "@/emulator/server";

import type { Credentials } from "./helpers";
import { clients, deployIntegrationRole, startTestEmulator } from "./helpers";

const run = promisify(execFile);

let emulator: RunningEmulator;
let control: EmulatorControl;
let platform: PlatformPrincipal;

beforeAll(async () => {
  ({ emulator, control } = await startTestEmulator());
  platform = await control.platform("aws");
});

afterAll(async () => {
  await emulator.close();
});

/** Runs the AWS CLI against the emulator with only these credentials: no profile, no instance metadata. */
async function aws(credentials: Credentials, region: string, ...args: string[]) {
  const env = {
    NODE_ENV: "test" as const,
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: "/nonexistent",
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: "/nonexistent/config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_MAX_ATTEMPTS: "1",
  };
  try {
    const { stdout } = await run("aws", ["--endpoint-url", emulator.endpoint, "--output", "json", ...args], { env, timeout: 30_000 });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe("AWS CLI", () => {
  it("reads the caller identity", async () => {
    const result = await aws(platform, "us-east-1", "sts", "get-caller-identity");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Account: "123456789012", Arn: platform.arn });
  });

  it("reports AccessDenied for a wrong External ID", async () => {
    const customer = await control.createAccount();
    const { roleArn } = await deployIntegrationRole(clients(emulator.endpoint, customer).cloudformation, platform.arn);

    const result = await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "cli", "--external-id", "wrong-id");
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe(
      `An error occurred (AccessDenied) when calling the AssumeRole operation: User: ${platform.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  });

  it("describes a stack with its outputs", async () => {
    const customer = await control.createAccount();
    const { stack } = await deployIntegrationRole(clients(emulator.endpoint, customer).cloudformation, platform.arn);

    const result = await aws(customer, "us-east-1", "cloudformation", "describe-stacks", "--stack-name", stack.StackId!);
    expect(result.code).toBe(0);
    const described = JSON.parse(result.stdout).Stacks[0];
    expect(described.StackStatus).toBe("CREATE_COMPLETE");
    expect(described.Outputs.map((output: { OutputKey: string }) => output.OutputKey)).toEqual(["RoleArn", "AccountType", "TemplateVersion"]);
  });
});
