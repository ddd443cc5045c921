import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as cronVerify } from "@/app/api/cron/verify/route";
import type { Database } from "@/db/client";
import { auditEvents, cloudAccounts } from "@/db/schema";
import { guardedVerifyAccount } from "@/lib/accounts/guarded";
import { verifyStaleAccounts } from "@/lib/accounts/verify-stale";
import { insertAccount } from "../helpers/accounts";
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

afterEach(() => {
  delete process.env.CRON_SECRET;
});

const TWO_DAYS_AGO = () => new Date(Date.now() - 48 * 3_600_000);

async function linkedStack(lastVerifiedAt: Date | null = TWO_DAYS_AGO(), externalId = workspace.externalId) {
  const stack = await createCustomerStack(aws, { externalId, principalArn: aws.principalArn, region: "eu-west-1" });
  const account = await insertAccount(db, workspace.workspaceId, {
    name: `Account ${stack.accountId}`,
    awsAccountId: stack.accountId,
    roleArn: stack.roleArn,
    status: "error",
    lastVerifiedAt,
  });
  return { stack, account };
}

async function stored(id: string) {
  const [row] = await db.select().from(cloudAccounts).where(eq(cloudAccounts.id, id));
  return row!;
}

describe("verify now", () => {
  it("marks a working link connected and records it", async () => {
    const { stack, account } = await linkedStack();

    const result = await guardedVerifyAccount({ accountId: account.id });

    expect(result.ok).toBe(true);
    expect(result.message).toBe(`"${account.name}" is connected: the role and its stack passed every check.`);
    const row = await stored(account.id);
    expect(row.status).toBe("connected");
    expect(row.statusMessage).toBeNull();
    expect(row.stackId).toBe(stack.stackId);
    expect(row.stackRegion).toBe("eu-west-1");
    expect(row.lastVerifiedAt!.getTime()).toBeGreaterThan(account.lastVerifiedAt!.getTime());
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, account.id), eq(auditEvents.action, "account.verified")));
    expect(event?.actorUserId).toBe(workspace.ownerId);
    expect(event?.details).toEqual({ trigger: "manual", before: { status: "error", statusMessage: null }, after: { status: "connected", statusMessage: null } });
  });

  it("stores what to fix when the role rejects the External ID", async () => {
    // As when someone edits the role's trust policy after the link was made.
    const { account } = await linkedStack(TWO_DAYS_AGO(), "another-workspace-external-id-0000000000");

    const result = await guardedVerifyAccount({ accountId: account.id });

    const row = await stored(account.id);
    expect(row.status).toBe("error");
    expect(row.statusMessage).toMatch(/^AWS denied AssumeRole on arn:aws:iam::\d{12}:role\/XOps360Integration\. The usual causes:/);
    expect(result).toEqual({ ok: false, fieldErrors: undefined, message: `Verification of "${account.name}" failed: ${row.statusMessage}` });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, account.id), eq(auditEvents.action, "account.verified")));
    expect(event?.details).toMatchObject({ trigger: "manual", code: "access_denied", after: { status: "error", statusMessage: row.statusMessage } });
  });
});

describe("scheduled verification", () => {
  it("verifies only accounts not verified recently", async () => {
    const stale = await linkedStack();
    const never = await linkedStack(null);
    const fresh = await linkedStack(new Date());

    const summary = await verifyStaleAccounts(db, { olderThanHours: 24, concurrency: 2 });

    expect(summary.verified).toBeGreaterThanOrEqual(2);
    expect((await stored(stale.account.id)).status).toBe("connected");
    expect((await stored(never.account.id)).status).toBe("connected");
    expect((await stored(fresh.account.id)).status).toBe("error");
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, stale.account.id), eq(auditEvents.action, "account.verified")));
    expect(event?.actorUserId).toBeNull();
    expect(event?.details).toMatchObject({ trigger: "scheduled" });
  });

  it("skips deleted accounts", async () => {
    const { account } = await linkedStack();
    await db.update(cloudAccounts).set({ deletedAt: new Date() }).where(eq(cloudAccounts.id, account.id));

    await verifyStaleAccounts(db, { olderThanHours: 24, concurrency: 2 });

    expect((await stored(account.id)).status).toBe("error");
  });
});

describe("cron route", () => {
  const request = (authorization?: string) => new Request("http://127.0.0.1/api/cron/verify", { headers: authorization ? { authorization } : {} });

  it("is closed while CRON_SECRET is unset", async () => {
    const response = await cronVerify(request("Bearer anything"));

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "CRON_SECRET is not set, so scheduled verification is disabled." });
  });

  it("rejects a wrong bearer token and verifies nothing", async () => {
    process.env.CRON_SECRET = "a-long-random-cron-secret";
    const { account } = await linkedStack();

    const response = await cronVerify(request("Bearer a-long-random-cron-secreT"));

    expect(response.status).toBe(401);
    expect((await stored(account.id)).status).toBe("error");
  });

  it("verifies stale accounts with the right token", async () => {
    process.env.CRON_SECRET = "a-long-random-cron-secret";
    const { account } = await linkedStack();

    const response = await cronVerify(request("Bearer a-long-random-cron-secret"));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ verified: expect.any(Number), failed: expect.any(Number) });
    expect((await stored(account.id)).status).toBe("connected");
  });
});
