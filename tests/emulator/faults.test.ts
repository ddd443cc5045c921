import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { CreateStackCommand, DescribeStacksCommand, ListStacksCommand } from "@aws-sdk/client-cloudformation";
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
  await control.setFaults({ throttleRate: 0, iamPropagationSeconds: 0, stuckStacks: false, latencyMs: 0, resetRate: 0, throttleServices: [], randomSeed: null });
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

describe("connection resets", () => {
  it("closes the connection without a response", async () => {
    await control.setFaults({ resetRate: 1 });

    const error = await rejection(clients(emulator.endpoint, platform).sts.send(new GetCallerIdentityCommand({})));

    expect((error as unknown as { code?: string }).code).toBe("ECONNRESET");
  });

  it("lets the SDK retry a reset call", async () => {
    await control.setFaults({ resetRate: 0.5, randomSeed: 7 });
    const sts = new STSClient({ endpoint: emulator.endpoint, region: "us-east-1", credentials: platform, maxAttempts: 10 });

    const results = [];
    for (let i = 0; i < 5; i++) results.push(await sts.send(new GetCallerIdentityCommand({})));

    expect(results.map((result) => result.Account)).toEqual(Array(5).fill("123456789012"));
    expect(results.some((result) => (result.$metadata.attempts ?? 1) > 1)).toBe(true);
  });

  it("leaves the control endpoint alone", async () => {
    await control.setFaults({ resetRate: 1 });

    expect(await control.health()).toEqual({ ok: true });
  });
});

describe("throttling per service", () => {
  it("throttles only the listed services", async () => {
    const account = await control.createAccount();
    await control.setFaults({ throttleRate: 1, throttleServices: ["cloudformation"] });
    const { sts, cloudformation } = clients(emulator.endpoint, account);

    const identity = await sts.send(new GetCallerIdentityCommand({}));
    const error = await rejection(cloudformation.send(new ListStacksCommand({})));

    expect(identity.Account).toBe(account.accountId);
    expect(error.name).toBe("Throttling");
    expect(error.message).toBe("Rate exceeded");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("replays the same faults for the same seed", async () => {
    const sts = clients(emulator.endpoint, platform).sts;
    const outcomes = async () => {
      await control.setFaults({ throttleRate: 0.5, randomSeed: 1234 });
      const results: boolean[] = [];
      for (let i = 0; i < 16; i++) results.push(await sts.send(new GetCallerIdentityCommand({})).then(() => true, () => false));
      return results;
    };

    const first = await outcomes();
    const second = await outcomes();

    expect(second).toEqual(first);
    expect(first).toContain(true);
    expect(first).toContain(false);
  });

  it("rejects an unknown service name", async () => {
    const error = await rejection(control.setFaults({ throttleServices: ["s3"] }));

    expect(error.message).toBe('POST /_emulator/faults failed with 400: Invalid throttleServices ["s3"]: expected a list of sts, iam, cloudformation, organizations.');
  });

  it("rejects a reset rate above 1", async () => {
    const error = await rejection(control.setFaults({ resetRate: 1.5 }));

    expect(error.message).toBe("POST /_emulator/faults failed with 400: Invalid resetRate 1.5: expected a number from 0 to 1.");
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
