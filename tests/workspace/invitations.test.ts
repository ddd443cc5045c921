import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { invitations, memberships, users, workspaces } from "@/db/schema";
import { signUpLocalUser } from "@/lib/auth/sign-up";
import { guardedAcceptInvitation, guardedInviteMember, guardedRevokeInvitation } from "@/lib/workspace/actions";
import { hashInvitationToken } from "@/lib/workspace/invitations";
import { openTestDatabase } from "../helpers/database";
import { snapshotMemberTables } from "../helpers/members";
import { testSession } from "../helpers/session";
import { addMember, createWorkspace, type TestWorkspace } from "../helpers/workspace";

let db: Database;
let closeDb: () => Promise<void>;
let workspace: TestWorkspace;

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
});

afterAll(async () => {
  await closeDb();
});

beforeEach(async () => {
  workspace = await createWorkspace(db);
  testSession.userId = workspace.ownerId;
});

const USED = "This invitation link was already used. Each link works once: ask an owner of the workspace for a new invitation if you still need to join.";

async function invite(email: string, role: "owner" | "admin" | "viewer" = "admin") {
  testSession.userId = workspace.ownerId;
  const result = await guardedInviteMember({ email, role });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

async function newUser(email: string) {
  const [user] = await db.insert(users).values({ email }).returning({ id: users.id });
  return user!.id;
}

async function membershipOf(userId: string) {
  return db.select({ workspaceId: memberships.workspaceId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
}

describe("invite", () => {
  it("stores only the token's SHA-256", async () => {
    const created = await invite("Dana@Example.com", "viewer");

    const [row] = await db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(row?.email).toBe("dana@example.com");
    expect(row?.role).toBe("viewer");
    expect(row?.tokenHash).toBe(hashInvitationToken(created.token));
    expect(row?.tokenHash).not.toContain(created.token);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("expires after 72 hours by default", async () => {
    const before = Date.now();
    const created = await invite("expiry@example.com");

    const hours = (created.expiresAt.getTime() - before) / 3_600_000;
    expect(hours).toBeGreaterThan(71.99);
    expect(hours).toBeLessThan(72.01);
  });

  it("rejects an e-mail that is already a member", async () => {
    const [owner] = await db.select({ email: users.email }).from(users).where(eq(users.id, workspace.ownerId));

    const result = await guardedInviteMember({ email: owner!.email, role: "admin" });

    const message = `${owner!.email} is already a member of this workspace.`;
    expect(result).toEqual({ ok: false, message, fieldErrors: { email: message } });
  });

  it("replaces the previous link of the same e-mail", async () => {
    const first = await invite("again@example.com");
    const second = await invite("again@example.com");
    testSession.userId = await newUser("again@example.com");

    expect(await guardedAcceptInvitation({ token: first.token })).toEqual({
      ok: false,
      message: "This invitation was withdrawn. Ask an owner of the workspace for a new invitation.",
      fieldErrors: undefined,
    });
    expect((await guardedAcceptInvitation({ token: second.token })).ok).toBe(true);
  });

  it("rejects an invalid e-mail", async () => {
    const result = await guardedInviteMember({ email: "not an address", role: "admin" });

    expect(result).toEqual({
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { email: "E-mail must be an address such as name@example.com." },
    });
  });

  it("rejects without a session and changes nothing", async () => {
    testSession.userId = undefined;
    const before = await snapshotMemberTables(db);

    const result = await guardedInviteMember({ email: "x@example.com", role: "admin" });

    expect(result).toEqual({ ok: false, message: "Your session has ended. Sign in again to continue.", fieldErrors: undefined });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it.each(["viewer", "admin"] as const)("rejects a %s and changes nothing", async (role) => {
    testSession.userId = await addMember(db, workspace.workspaceId, role);
    const before = await snapshotMemberTables(db);

    const result = await guardedInviteMember({ email: "x@example.com", role: "owner" });

    expect(result).toEqual({
      ok: false,
      message: `Your role (${role}) cannot invite members. Ask an owner of the workspace.`,
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("cannot withdraw another workspace's invitation", async () => {
    const created = await invite("kept@example.com");
    const other = await createWorkspace(db);
    testSession.userId = other.ownerId;
    const before = await snapshotMemberTables(db);

    const result = await guardedRevokeInvitation({ invitationId: created.id });

    expect(result).toEqual({
      ok: false,
      message: "This invitation was not found among the workspace's pending invitations. Reload the page.",
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });
});

describe("accept invitation", () => {
  it("adds the invited user with the invited role", async () => {
    const created = await invite("erin@example.com", "admin");
    const userId = await newUser("erin@example.com");
    testSession.userId = userId;

    const result = await guardedAcceptInvitation({ token: created.token });

    expect(result).toEqual({ ok: true, data: { workspaceId: workspace.workspaceId, email: "erin@example.com" }, message: expect.stringMatching(/^You joined .+ as admin\.$/) });
    expect(await membershipOf(userId)).toEqual([{ workspaceId: workspace.workspaceId, role: "admin" }]);
    const [row] = await db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(row?.acceptedBy).toBe(userId);
  });

  it("rejects reuse of an accepted link", async () => {
    const created = await invite("frank@example.com");
    testSession.userId = await newUser("frank@example.com");
    expect((await guardedAcceptInvitation({ token: created.token })).ok).toBe(true);
    await db.delete(memberships).where(eq(memberships.userId, testSession.userId));
    const before = await snapshotMemberTables(db);

    const result = await guardedAcceptInvitation({ token: created.token });

    expect(result).toEqual({ ok: false, message: USED, fieldErrors: undefined });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("rejects concurrent accepts but one", async () => {
    const created = await invite("gina@example.com");
    testSession.userId = await newUser("gina@example.com");

    const results = await Promise.all([guardedAcceptInvitation({ token: created.token }), guardedAcceptInvitation({ token: created.token })]);

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await membershipOf(testSession.userId)).toHaveLength(1);
  });

  it("rejects an expired link", async () => {
    const created = await invite("hank@example.com");
    const expiresAt = new Date("2026-01-02T03:04:00Z");
    await db.update(invitations).set({ expiresAt }).where(eq(invitations.id, created.id));
    testSession.userId = await newUser("hank@example.com");
    const before = await snapshotMemberTables(db);

    const result = await guardedAcceptInvitation({ token: created.token });

    expect(result).toEqual({
      ok: false,
      message: "This invitation expired on 2026-01-02 03:04 UTC. Ask an owner of the workspace for a new invitation.",
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("rejects an unknown token", async () => {
    testSession.userId = await newUser("ivy@example.com");

    const result = await guardedAcceptInvitation({ token: "not-a-real-token" });

    expect(result).toEqual({
      ok: false,
      message: "This invitation link is not valid. Check that you opened the whole link, or ask an owner of the workspace for a new invitation.",
      fieldErrors: undefined,
    });
  });

  it("rejects another e-mail", async () => {
    const created = await invite("jill@example.com");
    testSession.userId = await newUser("mallory@example.com");
    const before = await snapshotMemberTables(db);

    const result = await guardedAcceptInvitation({ token: created.token });

    expect(result).toEqual({
      ok: false,
      message: "This invitation is for jill@example.com, but you are signed in as mallory@example.com. Sign out and sign in as jill@example.com.",
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("rejects a member of another workspace", async () => {
    const other = await createWorkspace(db, "kim@example.com");
    const created = await invite("kim@example.com");
    testSession.userId = other.ownerId;
    const before = await snapshotMemberTables(db);

    const result = await guardedAcceptInvitation({ token: created.token });

    expect(result).toEqual({
      ok: false,
      message:
        "Your user already belongs to another workspace, and a user can belong to one workspace only. Ask the owner who invited you to invite another e-mail address.",
      fieldErrors: undefined,
    });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("rejects without a session", async () => {
    const created = await invite("lou@example.com");
    testSession.userId = undefined;

    const result = await guardedAcceptInvitation({ token: created.token });

    expect(result).toEqual({ ok: false, message: "Your session has ended. Sign in again to continue.", fieldErrors: undefined });
  });
});

describe("sign-up with an invitation", () => {
  it("joins the workspace instead of creating one", async () => {
    const created = await invite("max@example.com", "viewer");
    const workspacesBefore = await db.select().from(workspaces);

    const result = await signUpLocalUser(db, { email: "max@example.com", password: "correct horse battery staple", invitationToken: created.token });

    expect(result).toEqual({ ok: true, data: { userId: expect.any(String), workspaceId: workspace.workspaceId }, message: undefined });
    expect(await db.select().from(workspaces)).toEqual(workspacesBefore);
    expect(await membershipOf(result.ok ? result.data.userId : "")).toEqual([{ workspaceId: workspace.workspaceId, role: "viewer" }]);
  });

  it("creates no user for an expired invitation", async () => {
    const created = await invite("ned@example.com");
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, created.id));
    const before = await snapshotMemberTables(db);

    const result = await signUpLocalUser(db, { email: "ned@example.com", password: "correct horse battery staple", invitationToken: created.token });

    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^This invitation expired on .+ UTC\. Ask an owner of the workspace for a new invitation\.$/), fieldErrors: undefined });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("asks for the invited e-mail at sign-up", async () => {
    const created = await invite("olga@example.com");
    const before = await snapshotMemberTables(db);

    const result = await signUpLocalUser(db, { email: "someone-else@example.com", password: "correct horse battery staple", invitationToken: created.token });

    const message = "This invitation is for olga@example.com. Sign up with that e-mail address.";
    expect(result).toEqual({ ok: false, message, fieldErrors: { email: message } });
    expect(await snapshotMemberTables(db)).toEqual(before);
  });
});
