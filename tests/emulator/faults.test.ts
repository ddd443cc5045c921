import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { CreateStackCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { EmulatorControl, PlatformPrincipal } from "@/emulator/client";
import { createEmulatorControl, EmulatorControlError } from "@/emulator/client";
import type { RunningEmulator } from "@/emulator/server";
import { startEmulator } from "@/emulator/server";

import { clients, deployIntegrationRole, EXTERNAL_ID, INTEGRATION_TEMPLATE, integrationParameters, rejection, sleep, startTestEmulator } from "./helpers";

let emulator: RunningEmulator;
let control: EmulatorControl;
let platform: PlatformPrincipal;

beforeAll(async () => {
  ({ emulator, control } = await startTestEmulator());
  platform = await control.platform("aws");
});

afterEach(async () => {
  await control.setFaults({ throttleRate: 0, iamPropagationSeconds: 0, stuckStacks: false, latencyMs: 0 });
});

afterAll(async () => {
  await emulator.close();
});

describe("faults", () => {
  it("throttles calls with Rate exceeded", async () => {
    await control.setFaults({ throttleRate: 1 });
    const error = await rejection(clients(emulator.endpoint, platform).sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("Throttling");
    expect(error.message).toBe("Rate exceeded");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("lets the SDK retry a throttled call", async () => {
    await control.setFaults({ throttleRate: 1 });
    const sts = new STSClient({ endpoint: emulator.endpoint, region: "us-east-1", credentials: platform, maxAttempts: 2 });
    const error = await rejection(sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("Throttling");
    expect((error.$metadata as { attempts?: number }).attempts).toBe(2);
  });

  it("refuses a new role while IAM propagates", async () => {
    await control.setFaults({ iamPropagationSeconds: 20 });
    const account = await control.createAccount();
    const { roleArn } = await deployIntegrationRole(clients(emulator.endpoint, account).cloudformation, platform.arn);
    const assume = () =>
      clients(emulator.endpoint, platform).sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1", ExternalId: EXTERNAL_ID }));

    const error = await rejection(assume());
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(`User: ${platform.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);

    await control.advanceClock(21);
    const result = await assume();
    expect(result.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${account.accountId}:assumed-role/XOps360Integration/s1`);
  });

  it("keeps stacks in progress when stuck", async () => {
    await control.setFaults({ stuckStacks: true });
    const cloudformation = clients(emulator.endpoint, await control.createAccount()).cloudformation;
    await cloudformation.send(
      new CreateStackCommand({ StackName: "stuck", TemplateBody: INTEGRATION_TEMPLATE, Capabilities: ["CAPABILITY_NAMED_IAM"], Parameters: integrationParameters(platform.arn) }),
    );
    await sleep(150);

    const { Stacks } = await cloudformation.send(new DescribeStacksCommand({ StackName: "stuck" }));
    expect(Stacks?.[0]?.StackStatus).toBe("CREATE_IN_PROGRESS");
  });
});

describe("control endpoint", () => {
  it("rejects an account ID in use", async () => {
    await control.createAccount({ accountId: "444455556666" });
    const error = await rejection(control.createAccount({ accountId: "444455556666" }));
    expect(error).toBeInstanceOf(EmulatorControlError);
    expect((error as unknown as EmulatorControlError).status).toBe(409);
  });

  it("rejects an invalid throttle rate", async () => {
    const error = await rejection(control.setFaults({ throttleRate: 2 }));
    expect(error.message).toBe("POST /_emulator/faults failed with 400: Invalid throttleRate 2: expected a number from 0 to 1.");
  });

  it("keeps the platform principal across a reset", async () => {
    const other = await startTestEmulator();
    try {
      const customer = await other.control.createAccount();
      await other.control.reset();

      const identity = await clients(other.emulator.endpoint, platform).sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Arn).toBe(platform.arn);
      const error = await rejection(clients(other.emulator.endpoint, customer).sts.send(new GetCallerIdentityCommand({})));
      expect(error.name).toBe("InvalidClientTokenId");
    } finally {
      await other.emulator.close();
    }
  });

  it("restores accounts from the state file", async () => {
    const directory = mkdtempSync(join(tmpdir(), "xops-emulator-"));
    const stateFile = join(directory, "state.json");
    try {
      const first = await startEmulator({ port: 0, stateFile });
      const customer = await createEmulatorControl(first.endpoint).createAccount();
      await first.close();

      const second = await startEmulator({ port: 0, stateFile });
      try {
        const identity = await clients(second.endpoint, customer).sts.send(new GetCallerIdentityCommand({}));
        expect(identity.Account).toBe(customer.accountId);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
