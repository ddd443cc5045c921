import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, cloudAccounts, memberships } from "@/db/schema";
import { guardedDeleteAccount } from "@/lib/accounts/guarded";
import { findAccount, findAccountByAwsId } from "@/lib/accounts/queries";
import { insertAccount, snapshotTables } from "../helpers/accounts";
import { openTestDatabase } from "../helpers/database";
import { testSession } from "../helpers/session";
import { addMember, createWorkspace, type TestWorkspace } from "../helpers/workspace";

let db: Database;
let closeDb: () => Promise<void>;
let workspace: TestWorkspace;
let management: Awaited<ReturnType<typeof insertAccount>>;
let linked: Awaited<ReturnType<typeof insertAccount>>;

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
});

afterAll(async () => {
  await closeDb();
});

beforeEach(async () => {
  workspace = await createWorkspace(db);
  testSession.userId = workspace.ownerId;
  management = await insertAccount(db, workspace.workspaceId, { name: "Payer" });
  linked = await insertAccount(db, workspace.workspaceId, { name: "Workloads", type: "linked", parentId: management.id });
});

async function selectionOf(userId: string) {
  const [row] = await db.select().from(memberships).where(eq(memberships.userId, userId));
  return row?.currentCloudAccountId;
}

describe("delete", () => {
  it("marks a linked account deleted and keeps the row", async () => {
    const result = await guardedDeleteAccount({ accountId: linked.id, confirmName: "Workloads" });

    expect(result).toEqual({ ok: true, data: { id: linked.id }, message: 'The account "Workloads" was deleted.' });
    const [row] = await db.select().from(cloudAccounts).where(eq(cloudAccounts.id, linked.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(row?.deletedBy).toBe(workspace.ownerId);
    expect(await findAccount(db, workspace.workspaceId, linked.id)).toBeUndefined();
  });

  it("records the deletion with its actor", async () => {
    await guardedDeleteAccount({ accountId: linked.id, confirmName: "Workloads" });

    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.targetId, linked.id));
    expect(event?.action).toBe("account.deleted");
    expect(event?.actorUserId).toBe(workspace.ownerId);
    expect(event?.details).toMatchObject({ before: { name: "Workloads", awsAccountId: linked.awsAccountId, deletedAt: null }, after: { deletedAt: expect.any(String) } });
  });

  it("moves every member's selection to the management account", async () => {
    const admin = await addMember(db, workspace.workspaceId, "admin");
    const viewer = await addMember(db, workspace.workspaceId, "viewer");
    await db.update(memberships).set({ currentCloudAccountId: linked.id }).where(eq(memberships.workspaceId, workspace.workspaceId));
    await db.update(memberships).set({ currentCloudAccountId: management.id }).where(eq(memberships.userId, viewer));

    await guardedDeleteAccount({ accountId: linked.id, confirmName: "Workloads" });

    expect(await selectionOf(workspace.ownerId)).toBe(management.id);
    expect(await selectionOf(admin)).toBe(management.id);
    expect(await selectionOf(viewer)).toBe(management.id);
  });

  it("rejects a confirmation that differs in case", async () => {
    const before = await snapshotTables(db);

    const result = await guardedDeleteAccount({ accountId: linked.id, confirmName: "workloads" });

    const message = 'Type the account name "Workloads" exactly to delete it.';
    expect(result).toEqual({ ok: false, message, fieldErrors: { confirmName: message } });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it("rejects a management account even with its name", async () => {
    const before = await snapshotTables(db);

    const result = await guardedDeleteAccount({ accountId: management.id, confirmName: "Payer" });

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message: '"Payer" is a management account and cannot be deleted in the portal, because its linked accounts depend on it. Submit a support request to remove it.',
    });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it("rejects deleting twice", async () => {
    await guardedDeleteAccount({ accountId: linked.id, confirmName: "Workloads" });

    const result = await guardedDeleteAccount({ accountId: linked.id, confirmName: "Workloads" });

    expect(result).toEqual({ ok: false, fieldErrors: undefined, message: "The account was not found in this workspace. It may have been deleted: reload the page." });
  });

  it("frees the name and AWS account for a re-link", async () => {
    await guardedDeleteAccount({ accountId: linked.id, confirmName: "Workloads" });

    const relinked = await insertAccount(db, workspace.workspaceId, { name: "Workloads", type: "linked", parentId: management.id, awsAccountId: linked.awsAccountId });

    expect((await findAccountByAwsId(db, workspace.workspaceId, linked.awsAccountId))?.id).toBe(relinked.id);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.targetId, linked.id))).toHaveLength(1);
  });
});
