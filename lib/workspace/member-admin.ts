import { and, asc, count, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { auditEvents, memberships, users, workspaces, type MemberRole } from "@/db/schema";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { revokeSessions } from "@/lib/auth/session-version";
import { canManageMembers, type Member } from "./members";

export async function listMembers(db: Database, workspaceId: string) {
  return db
    .select({ userId: memberships.userId, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.email));
}

/**
 * Locks the workspace row for the rest of the transaction and re-reads the actor's and the target's
 * memberships. Every membership change takes this lock first, so two owners who demote each other at
 * the same moment run one after the other and the second reads the first's change.
 */
async function lockAndLoad(tx: Transaction, actor: Member, targetUserId: string) {
  await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, actor.workspaceId)).for("update");

  const load = (userId: string) =>
    tx
      .select({ role: memberships.role, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)))
      .limit(1)
      .then(([row]) => row);
  const [actorNow, target] = await Promise.all([load(actor.userId), load(targetUserId)]);
  const [owners] = await tx
    .select({ value: count() })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.role, "owner")));
  return { actorNow, target, owners: owners?.value ?? 0 };
}

const NOT_A_MEMBER = "This user is not a member of this workspace. Reload the page to see the current members.";

function actorMayNotManage(actorRole: MemberRole | undefined): ActionResult<never> | undefined {
  if (actorRole && canManageMembers(actorRole)) return undefined;
  return failure(`Your role (${actorRole ?? "none"}) cannot manage members. Ask an owner of the workspace.`);
}

/** Changes a member's role. The last owner cannot be demoted, so a workspace always has an owner. */
export async function changeMemberRole(db: Database, actor: Member, input: { userId: string; role: MemberRole }): Promise<ActionResult<undefined>> {
  return db.transaction(async (tx) => {
    const { actorNow, target, owners } = await lockAndLoad(tx, actor, input.userId);
    const refused = actorMayNotManage(actorNow?.role);
    if (refused) return refused;
    if (!target) return failure(NOT_A_MEMBER);
    if (target.role === input.role) return success(undefined, `${target.email} is already ${input.role}.`);
    if (target.role === "owner" && owners <= 1) {
      return failure(`${target.email} is the last owner of this workspace. Make another member an owner first, then change this role.`);
    }

    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, input.userId)));
    await tx.insert(auditEvents).values({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: "member.role_changed",
      targetType: "member",
      targetId: input.userId,
      details: { before: { role: target.role }, after: { role: input.role }, email: target.email },
    });
    return success(undefined, `${target.email} is now ${input.role}.`);
  });
}

/**
 * Removes a member from the workspace and signs them out everywhere: the guard loads the membership on
 * every request, so access ends at once, and raising the session version invalidates their cookies.
 * The last owner cannot be removed.
 */
export async function removeMember(db: Database, actor: Member, input: { userId: string }): Promise<ActionResult<undefined>> {
  return db.transaction(async (tx) => {
    const { actorNow, target, owners } = await lockAndLoad(tx, actor, input.userId);
    const refused = actorMayNotManage(actorNow?.role);
    if (refused) return refused;
    if (!target) return failure(NOT_A_MEMBER);
    if (target.role === "owner" && owners <= 1) {
      return failure(`${target.email} is the last owner of this workspace and cannot be removed. Make another member an owner first.`);
    }

    await tx.delete(memberships).where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, input.userId)));
    await revokeSessions(tx, input.userId);
    await tx.insert(auditEvents).values({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: "member.removed",
      targetType: "member",
      targetId: input.userId,
      details: { before: { email: target.email, role: target.role } },
    });
    return success(undefined, `${target.email} was removed from the workspace and signed out everywhere.`);
  });
}
