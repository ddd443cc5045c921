import { and, eq, isNull } from "drizzle-orm";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, cloudAccounts } from "@/db/schema";
import { guardedConnectAccount } from "@/lib/accounts/guarded";
import { linkAllMembers, type LinkAllEvent } from "@/lib/accounts/link-all";
import { findAccountByAwsId } from "@/lib/accounts/queries";
import { buildTemplate, renderTemplateYaml } from "@/lib/aws/template";
import { findMembership } from "@/lib/workspace/members";
import { POST } from "@/app/api/accounts/link-all/route";
import { createCustomerStack, NO_FAULTS, startTestAws, type TestAws } from "../helpers/aws";
import { openTestDatabase } from "../helpers/database";
import { testSession } from "../helpers/session";
import { addMember, createWorkspace, type TestWorkspace } from "../helpers/workspace";

let db: Database;
let closeDb: () => Promise<void>;
let aws: TestAws;
let workspace: TestWorkspace;
let organization: Awaited<ReturnType<TestAws["control"]["createOrganization"]>>;
const suspended = new Set<string>();
const withoutRole = new Set<string>();
const openRole = new Set<string>();

const MEMBERS = 300;
// Two members whose names differ only in case, so one of them gets its account ID appended.
const SHARED_NAMES = new Map([
  [1, "Shared name"],
  [2, "shared NAME"],
]);

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
  aws = await startTestAws();
  workspace = await createWorkspace(db);
  testSession.userId = workspace.ownerId;

  // 300 members: 5 suspended, 10 without the role, 5 whose role ignores the External ID, two sharing a name.
  organization = await aws.control.createOrganization({
    members: Array.from({ length: MEMBERS }, (_, index) => ({
      name: SHARED_NAMES.get(index) ?? `Member ${String(index).padStart(3, "0")}`,
      status: index % 60 === 59 ? "SUSPENDED" : "ACTIVE",
    })),
  });
  const openTemplate = buildTemplate("linked") as { Resources: { IntegrationRole: { Properties: { AssumeRolePolicyDocument: { Statement: Array<Record<string, unknown>> } } } } };
  delete openTemplate.Resources.IntegrationRole.Properties.AssumeRolePolicyDocument.Statement[0]!.Condition;

  for (const [index, member] of organization.members.entries()) {
    if (member.status === "SUSPENDED") suspended.add(member.accountId);
    if (index >= 10 && index < 20) {
      withoutRole.add(member.accountId);
      continue;
    }
    const templateBody = index >= 20 && index < 25 ? stringify(openTemplate) : renderTemplateYaml("linked");
    if (index >= 20 && index < 25) openRole.add(member.accountId);
    await aws.control.createStack({
      accountId: member.accountId,
      templateBody,
      parameters: { ExternalId: workspace.externalId, PlatformPrincipalArn: aws.principalArn },
    });
  }

  const management = await createCustomerStack(aws, { externalId: workspace.externalId, principalArn: aws.principalArn, account: organization.managementAccount });
  const linked = await guardedConnectAccount({ accountType: "management", name: "Member 003", roleArn: management.roleArn });
  expect(linked.ok).toBe(true);
}, 180_000);

afterAll(async () => {
  await aws.close();
  await closeDb();
});

async function runLinkAll(): Promise<LinkAllEvent[]> {
  const member = (await findMembership(db, workspace.ownerId))!;
  const management = (await findAccountByAwsId(db, workspace.workspaceId, organization.managementAccount.accountId))!;
  const events: LinkAllEvent[] = [];
  for await (const event of linkAllMembers(db, member, { id: workspace.workspaceId, externalId: workspace.externalId }, management)) events.push(event);
  return events;
}

describe("Link all", () => {
  it("links exactly the members that pass, under throttling", async () => {
    await aws.control.setFaults({ ...NO_FAULTS, throttleRate: 0.1, randomSeed: 7 });
    const events = await runLinkAll();
    await aws.control.setFaults(NO_FAULTS);

    const results = events.filter((event) => event.type === "result");
    const expectedLinked = organization.members.filter((m) => !suspended.has(m.accountId) && !withoutRole.has(m.accountId) && !openRole.has(m.accountId));
    expect(events[0]).toEqual({ type: "start", total: MEMBERS });
    expect(events.at(-1)).toEqual({ type: "done", linked: expectedLinked.length, failed: withoutRole.size + openRole.size, skipped: suspended.size });
    expect(results).toHaveLength(MEMBERS);

    const rows = await db
      .select()
      .from(cloudAccounts)
      .where(and(eq(cloudAccounts.workspaceId, workspace.workspaceId), eq(cloudAccounts.awsAccountType, "linked"), isNull(cloudAccounts.deletedAt)));
    expect(rows.map((row) => row.awsAccountId).sort()).toEqual(expectedLinked.map((m) => m.accountId).sort());
    const management = rows.length > 0 ? await findAccountByAwsId(db, workspace.workspaceId, organization.managementAccount.accountId) : undefined;
    expect(new Set(rows.map((row) => row.parentId))).toEqual(new Set([management!.id]));
  });

  it("reports each failed member with its reason", async () => {
    const events = await runLinkAll();
    const byAccount = new Map(events.filter((event) => event.type === "result").map((event) => [event.accountId, event]));

    for (const accountId of suspended) {
      expect(byAccount.get(accountId)).toMatchObject({ outcome: "skipped", message: "The account is SUSPENDED in AWS Organizations, so it was not linked." });
    }
    for (const accountId of withoutRole) {
      expect(byAccount.get(accountId)).toMatchObject({ outcome: "failed" });
      expect(byAccount.get(accountId)).toHaveProperty(
        "message",
        expect.stringMatching(new RegExp(`^AWS denied AssumeRole on arn:aws:iam::${accountId}:role/XOps360Integration\\. The usual causes`)),
      );
    }
    for (const accountId of openRole) {
      expect(byAccount.get(accountId)).toMatchObject({ outcome: "failed" });
      expect(byAccount.get(accountId)).toHaveProperty("message", expect.stringContaining("does not require exactly this workspace's External ID"));
    }
  });

  it("links only what is still missing when run again", async () => {
    const events = await runLinkAll();

    expect(events[0]).toEqual({ type: "start", total: suspended.size + withoutRole.size + openRole.size });
    expect(events.at(-1)).toEqual({ type: "done", linked: 0, failed: withoutRole.size + openRole.size, skipped: suspended.size });
  });

  it("names accounts from the organization, unique in the workspace", async () => {
    const names = new Map(
      (await db.select().from(cloudAccounts).where(eq(cloudAccounts.workspaceId, workspace.workspaceId))).map((row) => [row.awsAccountId, row.name]),
    );
    const [, first, second, third] = organization.members;

    // Of two members with one name, the lower account ID keeps the plain name.
    const [lower, higher] = [first!, second!].sort((a, b) => a.accountId.localeCompare(b.accountId));
    expect(names.get(lower!.accountId)).toBe(lower!.name);
    expect(names.get(higher!.accountId)).toBe(`${higher!.name} (${higher!.accountId})`);
    // "Member 003" was already taken by the management account's name.
    expect(names.get(third!.accountId)).toBe(`Member 003 (${third!.accountId})`);
  });

  it("records one audit event per linked account and one per run", async () => {
    const events = await db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.workspaceId));

    expect(events.filter((event) => event.action === "account.link_all")).toHaveLength(3);
    expect(events.filter((event) => event.action === "account.linked" && (event.details as { via?: string }).via === "link_all")).toHaveLength(
      MEMBERS - suspended.size - withoutRole.size - openRole.size,
    );
  });
});

describe("Link all route", () => {
  async function post(body: unknown, origin = "http://portal.test") {
    return POST(new Request("http://portal.test/api/accounts/link-all", { method: "POST", headers: { origin, host: "portal.test", "content-type": "application/json" }, body: JSON.stringify(body) }));
  }

  async function managementId() {
    return (await findAccountByAwsId(db, workspace.workspaceId, organization.managementAccount.accountId))!.id;
  }

  it("rejects a request without a session", async () => {
    testSession.userId = undefined;
    expect((await post({ managementAccountId: await managementId() })).status).toBe(401);
  });

  it("rejects a viewer", async () => {
    testSession.userId = await addMember(db, workspace.workspaceId, "viewer");
    expect((await post({ managementAccountId: await managementId() })).status).toBe(403);
  });

  it("rejects another workspace's member", async () => {
    const other = await createWorkspace(db);
    testSession.userId = other.ownerId;
    const response = await post({ managementAccountId: await managementId() });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Management account not found in this workspace." });
  });

  it("rejects a cross-site request", async () => {
    testSession.userId = workspace.ownerId;
    expect((await post({ managementAccountId: await managementId() }, "https://evil.example")).status).toBe(403);
  });

  it("rejects an invalid body", async () => {
    testSession.userId = workspace.ownerId;
    const response = await post({ managementAccountId: "not-a-uuid" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "managementAccountId must be the ID of a management account of this workspace." });
  });

  it("streams the run as JSON lines", async () => {
    testSession.userId = workspace.ownerId;
    const response = await post({ managementAccountId: await managementId() });
    const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as LinkAllEvent);

    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(lines[0]).toEqual({ type: "start", total: suspended.size + withoutRole.size + openRole.size });
    expect(lines.at(-1)).toMatchObject({ type: "done", linked: 0 });
  });
});
