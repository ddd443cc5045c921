/**
 * The connect procedure under the emulator's faults: slow answers, throttling and connection resets
 * must not change its outcome, because the portal's SDK clients retry with the standard strategy.
 * The setup is the one of connect.test.ts. Throttling and resets use a fixed random seed, so each
 * run meets the same faults.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { cloudAccounts } from "@/db/schema";
import type { Faults } from "@/emulator/client";
import { guardedConnectAccount } from "@/lib/accounts/guarded";
import { createCustomerStack, type TestAws } from "../helpers/aws";
import { setUpLinkingSuite } from "../helpers/linking-suite";
import type { TestWorkspace } from "../helpers/workspace";

const suite = setUpLinkingSuite();
let db: Database;
let aws: TestAws;
let workspace: TestWorkspace;

beforeEach(() => {
  ({ db, aws, workspace } = suite);
});

function connect(roleArn: string, name = "Production") {
  return guardedConnectAccount({ accountType: "management", name, roleArn });
}

async function storedAccounts() {
  return db.select().from(cloudAccounts).where(eq(cloudAccounts.workspaceId, workspace.workspaceId));
}

async function stackFor(options: Partial<Parameters<typeof createCustomerStack>[1]> = {}) {
  return createCustomerStack(aws, { externalId: workspace.externalId, principalArn: aws.principalArn, ...options });
}

const FAULTS: [string, Partial<Faults>][] = [
  ["200 ms latency", { latencyMs: 200 }],
  ["30% throttling", { throttleRate: 0.3, randomSeed: 20240601 }],
  ["20% connection resets", { resetRate: 0.2, randomSeed: 20240602 }],
];

describe.each(FAULTS)("connect with %s", (_label, faults) => {
  it("links a management account", async () => {
    // The stack exists before the faults start, as it would when a customer clicks Connect.
    const stack = await stackFor();
    await aws.control.setFaults(faults);

    const result = await connect(stack.roleArn);

    expect(result).toEqual({ ok: true, data: { id: expect.any(String), awsAccountId: stack.accountId, templateOutdated: false }, message: undefined });
    const [account] = await storedAccounts();
    expect(account?.roleArn).toBe(stack.roleArn);
    expect(account?.stackId).toBe(stack.stackId);
    expect(account?.status).toBe("connected");
  });

  it("rejects a wrong External ID with the usual causes (C1)", async () => {
    const stack = await stackFor({ externalId: "another-workspace-external-id-0000000000" });
    await aws.control.setFaults(faults);

    const result = await connect(stack.roleArn);

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message:
        `AWS denied AssumeRole on ${stack.roleArn}. The usual causes: the role's trust policy does not trust this portal's ` +
        `principal ${aws.principalArn}; the External ID in the trust policy differs from this workspace's External ID ` +
        `shown in the setup guide; or the ARN names another role than the one the stack created. If you created the stack ` +
        `in the last minute, IAM may still be propagating the role: wait a minute and click Connect again.`,
    });
    expect(await storedAccounts()).toEqual([]);
  });
});
