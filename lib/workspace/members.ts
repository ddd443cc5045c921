import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, workspaces, type MemberRole } from "@/db/schema";

export interface Member {
  userId: string;
  workspaceId: string;
  role: MemberRole;
  currentCloudAccountId: string | null;
}

/**
 * Loads the user's workspace membership. A user belongs to one workspace: invitations are refused for a
 * member of another workspace and SSO mappings apply only to users without one, so the portal needs no
 * workspace switcher. Should a user still hold several memberships (rows written by hand), the oldest wins.
 */
export async function findMembership(db: Executor, userId: string): Promise<Member | undefined> {
  const [row] = await db
    .select({
      userId: memberships.userId,
      workspaceId: memberships.workspaceId,
      role: memberships.role,
      currentCloudAccountId: memberships.currentCloudAccountId,
    })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row;
}

export async function workspaceExists(db: Executor, workspaceId: string): Promise<boolean> {
  const [row] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return Boolean(row);
}

export async function getWorkspace(db: Executor, workspaceId: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw new Error(`workspace ${workspaceId} not found`);
  return row;
}

/** Roles allowed to change cloud accounts: link, rename, delete, verify. */
export const ACCOUNT_EDITORS: readonly MemberRole[] = ["owner", "admin"];

/** Roles allowed to invite members, change their roles and remove them. */
export const MEMBER_MANAGERS: readonly MemberRole[] = ["owner"];

/** Returns whether a role may use Connect, Edit, Delete and Verify. Pages hide those controls when it may not. */
export function canEditAccounts(role: MemberRole): boolean {
  return ACCOUNT_EDITORS.includes(role);
}

/** Returns whether a role may use the invite, role and remove controls of the Members page. */
export function canManageMembers(role: MemberRole): boolean {
  return MEMBER_MANAGERS.includes(role);
}
