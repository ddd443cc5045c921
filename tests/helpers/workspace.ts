import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, users, workspaces, type MemberRole } from "@/db/schema";
import { signUpLocalUser } from "@/lib/auth/sign-up";

export interface TestWorkspace {
  workspaceId: string;
  externalId: string;
  ownerId: string;
}

/** Signs up an owner with a new workspace, as the sign-up form does. */
export async function createWorkspace(db: Database, email = `owner-${randomBytes(4).toString("hex")}@example.com`): Promise<TestWorkspace> {
  const created = await signUpLocalUser(db, { email, password: "correct horse battery staple" });
  if (!created.ok) throw new Error(created.message);

  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, created.data.workspaceId));
  return { workspaceId: created.data.workspaceId, externalId: workspace!.externalId, ownerId: created.data.userId };
}

/** Adds a member with the given role to a workspace and returns the user's ID. */
export async function addMember(db: Database, workspaceId: string, role: MemberRole): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${randomBytes(4).toString("hex")}@example.com` })
    .returning({ id: users.id });
  await db.insert(memberships).values({ workspaceId, userId: user!.id, role });
  return user!.id;
}
