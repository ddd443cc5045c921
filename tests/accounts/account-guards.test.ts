import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import {
  guardedDeleteAccount,
  guardedRenameAccount,
  guardedSearchAccounts,
  guardedSelectAccount,
  guardedVerifyAccount,
} from "@/lib/accounts/guarded";
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
  management = await insertAccount(db, workspace.workspaceId, { name: "Payer" });
  linked = await insertAccount(db, workspace.workspaceId, { name: "Workloads", type: "linked", parentId: management.id });
});

const SIGNED_OUT = { ok: false, message: "Your session has ended. Sign in again to continue.", fieldErrors: undefined };
const NOT_FOUND = { ok: false, message: "The account was not found in this workspace. It may have been deleted: reload the page.", fieldErrors: undefined };
const viewerMessage = (purpose: string) => ({ ok: false, message: `Your role (viewer) cannot ${purpose}. Ask an owner or admin of the workspace.`, fieldErrors: undefined });

/** Every action on the linked account, by name, with a request any editor of its workspace could make. */
const attempts = {
  rename: () => guardedRenameAccount({ accountId: linked.id, name: "Taken over" }),
  delete: () => guardedDeleteAccount({ accountId: linked.id, confirmName: "Workloads" }),
  verify: () => guardedVerifyAccount({ accountId: linked.id }),
  select: () => guardedSelectAccount({ accountId: linked.id }),
};

describe("account actions without a session", () => {
  beforeEach(() => {
    testSession.userId = undefined;
  });

  it.each(Object.keys(attempts))("rejects %s and changes nothing", async (name) => {
    const before = await snapshotTables(db);

    expect(await attempts[name as keyof typeof attempts]()).toEqual(SIGNED_OUT);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it("rejects search", async () => {
    expect(await guardedSearchAccounts({ query: "Work" })).toEqual(SIGNED_OUT);
  });
});

describe("account actions by a viewer", () => {
  beforeEach(async () => {
    testSession.userId = await addMember(db, workspace.workspaceId, "viewer");
  });

  it.each([
    ["rename", "rename accounts"],
    ["delete", "delete accounts"],
    ["verify", "verify accounts"],
  ] as const)("rejects %s and changes nothing", async (name, purpose) => {
    const before = await snapshotTables(db);

    expect(await attempts[name]()).toEqual(viewerMessage(purpose));
    expect(await snapshotTables(db)).toEqual(before);
  });

  it("lets a viewer read and select its own workspace's accounts", async () => {
    const search = await guardedSearchAccounts({ query: "work" });

    expect(search.ok && search.data.groups.flatMap((group) => group.linked.map((account) => account.name))).toEqual(["Workloads"]);
    expect((await attempts.select()).ok).toBe(true);
  });
});

describe("account actions by another workspace's owner", () => {
  beforeEach(async () => {
    const other = await createWorkspace(db);
    await insertAccount(db, other.workspaceId, { name: "Their own" });
    testSession.userId = other.ownerId;
  });

  it.each(Object.keys(attempts))("rejects %s as not found and changes nothing", async (name) => {
    const before = await snapshotTables(db);

    expect(await attempts[name as keyof typeof attempts]()).toEqual(NOT_FOUND);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it("finds none of this workspace's accounts in search", async () => {
    const search = await guardedSearchAccounts({ query: "" });

    expect(search.ok && search.data.groups.map((group) => group.management?.name)).toEqual(["Their own"]);
    const byId = await guardedSearchAccounts({ query: linked.awsAccountId });
    expect(byId).toEqual({ ok: true, data: { groups: [], truncated: false }, message: undefined });
  });
});

describe("management account deletion", () => {
  it("is rejected for the owner calling the action directly", async () => {
    testSession.userId = workspace.ownerId;
    const before = await snapshotTables(db);

    const result = await guardedDeleteAccount({ accountId: management.id, confirmName: "Payer" });

    expect(result.ok).toBe(false);
    expect(result.message).toContain("cannot be deleted in the portal");
    expect(await snapshotTables(db)).toEqual(before);
  });
});
