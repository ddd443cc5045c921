import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { guardedRenameAccount } from "@/lib/accounts/guarded";
import { isSessionCurrent, sessionVersionOf } from "@/lib/auth/session-version";
import { guardedChangeMemberRole, guardedInviteMember, guardedRemoveMember } from "@/lib/workspace/actions";
import { insertAccount } from "../helpers/accounts";
import { openTestDatabase } from "../helpers/database";
import { snapshotMemberTables } from "../helpers/members";
import { testSession } from "../helpers/session";
import { addMember, createWorkspace, type TestWorkspace } from "../helpers/workspace";

let db: Database;
let closeDb: () => Promise<void>;
let workspace: TestWorkspace;
let ownerEmail: string;

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
});

afterAll(async () => {
  await closeDb();
});

beforeEach(async () => {
  workspace = await createWorkspace(db);
  testSession.userId = workspace.ownerId;
  const [owner] = await db.select({ email: users.email }).from(users).where(eq(users.id, workspace.ownerId));
  ownerEmail = owner!.email;
});

async function roleOf(userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspace.workspaceId), eq(memberships.userId, userId)));
  return row?.role;
}

describe("change role", () => {
  it("changes a member's role", async () => {
    const viewer = await addMember(db, workspace.workspaceId, "viewer");

    const result = await guardedChangeMemberRole({ userId: viewer, role: "admin" });

    expect(result.ok).toBe(true);
    expect(await roleOf(viewer)).toBe("admin");
  });

  it("rejects demoting the last owner", async () => {
    const before = await snapshotMemberTables(db);

    const result = await guardedChangeMemberRole({ userId: workspace.ownerId, role: "admin" });

    expect(result).toEqual({
      ok: false,
      message: `${ownerEmail} is the last owner of this workspace. Make another member an owner first, then change this role.`,
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("demotes an owner while another owner remains", async () => {
    await addMember(db, workspace.workspaceId, "owner");

    const result = await guardedChangeMemberRole({ userId: workspace.ownerId, role: "viewer" });

    expect(result.ok).toBe(true);
    expect(await roleOf(workspace.ownerId)).toBe("viewer");
  });

  it("keeps one owner when two owners demote each other at once", async () => {
    const second = await addMember(db, workspace.workspaceId, "owner");

    testSession.userId = workspace.ownerId;
    const first = guardedChangeMemberRole({ userId: second, role: "admin" });
    testSession.userId = second;
    const other = guardedChangeMemberRole({ userId: workspace.ownerId, role: "admin" });
    const results = await Promise.all([first, other]);

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const roles = [await roleOf(workspace.ownerId), await roleOf(second)];
    expect(roles.filter((role) => role === "owner")).toHaveLength(1);
  });

  it.each(["viewer", "admin"] as const)("rejects a %s and changes nothing", async (role) => {
    const target = await addMember(db, workspace.workspaceId, "viewer");
    testSession.userId = await addMember(db, workspace.workspaceId, role);
    const before = await snapshotMemberTables(db);

    const result = await guardedChangeMemberRole({ userId: target, role: "owner" });

    expect(result).toEqual({
      ok: false,
      message: `Your role (${role}) cannot change member roles. Ask an owner of the workspace.`,
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("rejects without a session", async () => {
    testSession.userId = undefined;
    const before = await snapshotMemberTables(db);

    const result = await guardedChangeMemberRole({ userId: workspace.ownerId, role: "viewer" });

    expect(result).toEqual({ ok: false, message: "Your session has ended. Sign in again to continue.", fieldErrors: undefined });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("cannot change a member of another workspace", async () => {
    const other = await createWorkspace(db);
    const before = await snapshotMemberTables(db);

    const result = await guardedChangeMemberRole({ userId: other.ownerId, role: "viewer" });

    expect(result).toEqual({
      ok: false,
      message: "This user is not a member of this workspace. Reload the page to see the current members.",
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });
});

describe("remove member", () => {
  it("removes the member and signs them out everywhere", async () => {
    const admin = await addMember(db, workspace.workspaceId, "admin");
    const account = await insertAccount(db, workspace.workspaceId, { name: "Payer" });
    const token = { userId: admin, sessionVersion: await sessionVersionOf(db, admin), signedInAt: Math.floor(Date.now() / 1000) };
    expect(await isSessionCurrent(db, token, 3600)).toBe(true);

    const result = await guardedRemoveMember({ userId: admin });

    expect(result.ok).toBe(true);
    expect(await roleOf(admin)).toBeUndefined();
    expect(await isSessionCurrent(db, token, 3600)).toBe(false);
    testSession.userId = admin;
    expect(await guardedRenameAccount({ accountId: account.id, name: "Taken over" })).toEqual({
      ok: false,
      message: "Your user is not a member of any workspace. Ask a workspace owner to invite you.",
      fieldErrors: undefined,
    });
  });

  it("rejects removing the last owner", async () => {
    const before = await snapshotMemberTables(db);

    const result = await guardedRemoveMember({ userId: workspace.ownerId });

    expect(result).toEqual({
      ok: false,
      message: `${ownerEmail} is the last owner of this workspace and cannot be removed. Make another member an owner first.`,
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("lets an owner leave while another owner remains", async () => {
    await addMember(db, workspace.workspaceId, "owner");

    const result = await guardedRemoveMember({ userId: workspace.ownerId });

    expect(result.ok).toBe(true);
    expect(await roleOf(workspace.ownerId)).toBeUndefined();
  });

  it.each(["viewer", "admin"] as const)("rejects a %s and changes nothing", async (role) => {
    const target = await addMember(db, workspace.workspaceId, "viewer");
    testSession.userId = await addMember(db, workspace.workspaceId, role);
    const before = await snapshotMemberTables(db);

    const result = await guardedRemoveMember({ userId: target });

    expect(result).toEqual({
      ok: false,
      message: `Your role (${role}) cannot remove members. Ask an owner of the workspace.`,
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("cannot remove a member of another workspace", async () => {
    const other = await createWorkspace(db);
    const otherAdmin = await addMember(db, other.workspaceId, "admin");
    const before = await snapshotMemberTables(db);

    const result = await guardedRemoveMember({ userId: otherAdmin });

    expect(result).toEqual({
      ok: false,
      message: "This user is not a member of this workspace. Reload the page to see the current members.",
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("rejects a demoted owner at once", async () => {
    const second = await addMember(db, workspace.workspaceId, "owner");
    const viewer = await addMember(db, workspace.workspaceId, "viewer");
    await db.update(memberships).set({ role: "admin" }).where(eq(memberships.userId, second));
    testSession.userId = second;

    const result = await guardedInviteMember({ email: "late@example.com", role: "owner" });
    const removal = await guardedRemoveMember({ userId: viewer });

    expect(result.ok).toBe(false);
    expect(removal.ok).toBe(false);
    expect(await roleOf(viewer)).toBe("viewer");
  });
});
