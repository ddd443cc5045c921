import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Database, Executor, Transaction } from "@/db/client";
import { auditEvents, invitations, memberships, users, workspaces, type Invitation, type MemberRole } from "@/db/schema";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { invitationTtlMs } from "@/lib/auth/settings";
import { normalizeEmail } from "@/lib/auth/users";
import { findMembership, type Member } from "./members";

/** Generates an invitation token: 32 random bytes (256 bits) in base64url, which only the link carries. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Hashes a token for storage as SHA-256 in hex. Tokens are random, so no salt or slow hash is needed. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const pending = (now: Date) => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

export async function hasPendingInvitation(db: Executor, email: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.email, normalizeEmail(email)), pending(now)))
    .limit(1);
  return Boolean(row);
}

export async function listPendingInvitations(db: Executor, workspaceId: string, now = new Date()) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), pending(now)))
    .orderBy(asc(invitations.createdAt));
}

export interface CreatedInvitation {
  id: string;
  token: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
}

/**
 * Invites an e-mail to the actor's workspace with a role. A pending invitation of the same e-mail is
 * revoked, so only the newest link works. Returns the token once; the database keeps only its hash.
 */
export async function createInvitation(db: Database, actor: Member, input: { email: string; role: MemberRole }): Promise<ActionResult<CreatedInvitation>> {
  const email = normalizeEmail(input.email);
  const token = newInvitationToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + invitationTtlMs());

  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(users.email, email)))
      .limit(1);
    if (existing) {
      const message = `${email} is already a member of this workspace.`;
      return failure(message, { email: message });
    }

    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.workspaceId, actor.workspaceId), eq(invitations.email, email), pending(now)));
    const [row] = await tx
      .insert(invitations)
      .values({ workspaceId: actor.workspaceId, email, role: input.role, tokenHash: hashInvitationToken(token), invitedBy: actor.userId, expiresAt })
      .returning({ id: invitations.id });
    await tx.insert(auditEvents).values({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: "member.invited",
      targetType: "invitation",
      targetId: row!.id,
      details: { after: { email, role: input.role, expiresAt: expiresAt.toISOString() } },
    });
    return success({ id: row!.id, token, email, role: input.role, expiresAt }, `Invitation for ${email} created. Copy the link and send it to them.`);
  });
}

/** Withdraws a pending invitation of the actor's workspace; an ID of another workspace finds nothing. */
export async function revokeInvitation(db: Database, actor: Member, invitationId: string): Promise<ActionResult<undefined>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, actor.workspaceId), pending(new Date())))
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) return failure("This invitation was not found among the workspace's pending invitations. Reload the page.");

    await tx.insert(auditEvents).values({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: "member.invitation_revoked",
      targetType: "invitation",
      targetId: row.id,
      details: { before: { email: row.email } },
    });
    return success(undefined, `Invitation for ${row.email} withdrawn.`);
  });
}

export type InvitationLookup =
  | { status: "pending"; invitation: Invitation; workspaceName: string }
  | { status: "not-found" }
  | { status: "revoked" | "used"; invitation: Invitation }
  | { status: "expired"; invitation: Invitation };

/** Looks an invitation up by the token from its link and reports whether it can still be accepted. */
export async function findInvitationByToken(db: Executor, token: string, now = new Date()): Promise<InvitationLookup> {
  const [row] = await db
    .select({ invitation: invitations, workspaceName: workspaces.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  if (!row) return { status: "not-found" };

  const { invitation } = row;
  if (invitation.revokedAt) return { status: "revoked", invitation };
  if (invitation.acceptedAt) return { status: "used", invitation };
  if (invitation.expiresAt <= now) return { status: "expired", invitation };
  return { status: "pending", invitation, workspaceName: row.workspaceName };
}

/** Returns the message for an invitation that cannot be accepted, for the invitation page and the action. */
export function invitationProblem(lookup: Exclude<InvitationLookup, { status: "pending" }>): string {
  switch (lookup.status) {
    case "not-found":
      return "This invitation link is not valid. Check that you opened the whole link, or ask an owner of the workspace for a new invitation.";
    case "revoked":
      return "This invitation was withdrawn. Ask an owner of the workspace for a new invitation.";
    case "used":
      return "This invitation link was already used. Each link works once: ask an owner of the workspace for a new invitation if you still need to join.";
    case "expired":
      return `This invitation expired on ${lookup.invitation.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Ask an owner of the workspace for a new invitation.`;
  }
}

/**
 * Accepts an invitation for the signed-in user, who must have the invited e-mail. One workspace per
 * user: a member of another workspace cannot accept (see findMembership). The update that marks the
 * invitation accepted re-checks that it is still pending, so two concurrent accepts cannot both succeed.
 */
export async function acceptInvitation(db: Database, user: { id: string; email: string }, token: string, now = new Date()): Promise<ActionResult<{ workspaceId: string }>> {
  return db.transaction((tx) => acceptInvitationIn(tx, user, token, now));
}

/** acceptInvitation inside the caller's transaction, for sign-up that creates the user in the same one. */
export async function acceptInvitationIn(
  tx: Transaction,
  user: { id: string; email: string },
  token: string,
  now = new Date(),
  /** True while a new local user is being created for the invitation, so no user is signed in yet. */
  signingUp = false,
): Promise<ActionResult<{ workspaceId: string }>> {
  const lookup = await findInvitationByToken(tx, token, now);
  if (lookup.status !== "pending") return failure(invitationProblem(lookup));
  const { invitation } = lookup;

  if (normalizeEmail(user.email) !== invitation.email) {
    if (signingUp) return failure(`This invitation is for ${invitation.email}. Sign up with that e-mail address.`, { email: `This invitation is for ${invitation.email}. Sign up with that e-mail address.` });
    return failure(`This invitation is for ${invitation.email}, but you are signed in as ${user.email}. Sign out and sign in as ${invitation.email}.`);
  }
  const member = await findMembership(tx, user.id);
  if (member?.workspaceId === invitation.workspaceId) return failure("You are already a member of this workspace.");
  if (member) {
    return failure("Your user already belongs to another workspace, and a user can belong to one workspace only. Ask the owner who invited you to invite another e-mail address.");
  }

  const [accepted] = await tx
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: user.id })
    .where(and(eq(invitations.id, invitation.id), pending(now)))
    .returning({ id: invitations.id });
  if (!accepted) return failure(invitationProblem({ status: "used", invitation }));

  await tx.insert(memberships).values({ workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role });
  await tx.insert(auditEvents).values({
    workspaceId: invitation.workspaceId,
    actorUserId: user.id,
    action: "member.joined",
    targetType: "member",
    targetId: user.id,
    details: { after: { email: invitation.email, role: invitation.role }, via: "invitation", invitationId: invitation.id },
  });
  return success({ workspaceId: invitation.workspaceId }, `You joined ${lookup.workspaceName} as ${invitation.role}.`);
}
