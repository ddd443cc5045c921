import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, cloudAccounts } from "@/db/schema";
import { guardedRenameAccount } from "@/lib/accounts/guarded";
import { insertAccount } from "../helpers/accounts";
import { openTestDatabase } from "../helpers/database";
import { testSession } from "../helpers/session";
import { createWorkspace, type TestWorkspace } from "../helpers/workspace";

let db: Database;
let closeDb: () => Promise<void>;
let workspace: TestWorkspace;
let accountId: string;

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
});

afterAll(async () => {
  await closeDb();
});

beforeEach(async () => {
  workspace = await createWorkspace(db);
  testSession.userId = workspace.ownerId;
  accountId = (await insertAccount(db, workspace.workspaceId, { name: "Production" })).id;
});

async function storedName(id = accountId) {
  const [row] = await db.select({ name: cloudAccounts.name }).from(cloudAccounts).where(eq(cloudAccounts.id, id));
  return row?.name;
}

describe("rename", () => {
  it("renames and records before and after", async () => {
    const result = await guardedRenameAccount({ accountId, name: "  Payer  " });

    expect(result).toEqual({ ok: true, data: { id: accountId, name: "Payer" }, message: 'The account was renamed to "Payer".' });
    expect(await storedName()).toBe("Payer");
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, accountId), eq(auditEvents.action, "account.renamed")));
    expect(events).toHaveLength(1);
    expect(events[0]?.actorUserId).toBe(workspace.ownerId);
    expect(events[0]?.details).toEqual({ before: { name: "Production" }, after: { name: "Payer" } });
  });

  it("rejects an empty name", async () => {
    const result = await guardedRenameAccount({ accountId, name: " \t " });

    const message = "AWS Account Name is required. Enter a name such as Production.";
    expect(result).toEqual({ ok: false, message: "Check the highlighted fields.", fieldErrors: { name: message } });
    expect(await storedName()).toBe("Production");
  });

  it("rejects a name over 64 characters", async () => {
    const result = await guardedRenameAccount({ accountId, name: "x".repeat(65) });

    expect(result).toMatchObject({ ok: false, fieldErrors: { name: "AWS Account Name must be at most 64 characters. Shorten it." } });
    expect(await storedName()).toBe("Production");
  });

  it("accepts a name of exactly 64 characters", async () => {
    const result = await guardedRenameAccount({ accountId, name: "x".repeat(64) });

    expect(result.ok).toBe(true);
    expect(await storedName()).toBe("x".repeat(64));
  });

  it("rejects control characters", async () => {
    const result = await guardedRenameAccount({ accountId, name: "Pro\tduction" });

    expect(result).toMatchObject({ ok: false, fieldErrors: { name: "AWS Account Name must not contain control characters such as tabs or line breaks." } });
    expect(await storedName()).toBe("Production");
  });

  it("rejects a name taken ignoring case", async () => {
    await insertAccount(db, workspace.workspaceId, { name: "Staging" });

    const result = await guardedRenameAccount({ accountId, name: "STAGING" });

    const message = 'AWS Account Name "STAGING" is already used in this workspace (names are compared ignoring case). Choose another name.';
    expect(result).toEqual({ ok: false, message, fieldErrors: { name: message } });
    expect(await storedName()).toBe("Production");
  });

  it("allows changing only the case of its own name", async () => {
    const result = await guardedRenameAccount({ accountId, name: "PRODUCTION" });

    expect(result.ok).toBe(true);
    expect(await storedName()).toBe("PRODUCTION");
  });

  it("allows a name used in another workspace", async () => {
    const other = await createWorkspace(db);
    await insertAccount(db, other.workspaceId, { name: "Shared name" });

    expect((await guardedRenameAccount({ accountId, name: "Shared name" })).ok).toBe(true);
  });

  it("allows the name of a deleted account", async () => {
    await insertAccount(db, workspace.workspaceId, { name: "Old" }).then((row) =>
      db.update(cloudAccounts).set({ deletedAt: new Date() }).where(eq(cloudAccounts.id, row.id)),
    );

    expect((await guardedRenameAccount({ accountId, name: "old" })).ok).toBe(true);
  });

  it("rejects an ID that is not a UUID", async () => {
    const result = await guardedRenameAccount({ accountId: "1; drop table", name: "Payer" });

    expect(result).toEqual({ ok: false, message: "Check the highlighted fields.", fieldErrors: { accountId: "Choose an account to rename." } });
  });
});
