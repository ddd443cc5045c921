import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, workspaces, type MemberRole } from "@/db/schema";

export interface Member {
  userId: string;
  workspaceId: string;
  role: MemberRole;
  currentCloudAccountId: string | null;
}

/** Loads the user's workspace membership. A user belongs to one workspace; the oldest wins if several. */
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

export async function getWorkspace(db: Executor, workspaceId: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw new Error(`workspace ${workspaceId} not found`);
  return row;
}

/** Roles allowed to change cloud accounts: link, rename, delete, verify. */
export const ACCOUNT_EDITORS: readonly MemberRole[] = ["owner", "admin"];
