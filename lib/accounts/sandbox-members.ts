import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cloudAccounts } from "@/db/schema";
import { listOrganizationMembers } from "./organization-members";

/** Finds the first ACTIVE member not yet linked in the organization of the workspace's first management account. */
export async function firstUnlinkedMember(db: Database, workspace: { id: string; externalId: string }): Promise<string | undefined> {
  const [management] = await db
    .select()
    .from(cloudAccounts)
    .where(and(eq(cloudAccounts.workspaceId, workspace.id), eq(cloudAccounts.awsAccountType, "management"), isNull(cloudAccounts.deletedAt)))
    .orderBy(asc(cloudAccounts.createdAt))
    .limit(1);
  if (!management) return undefined;

  const listed = await listOrganizationMembers(db, workspace, management);
  if (!listed.ok) throw new Error(listed.message);
  return listed.members.find((member) => member.status === "ACTIVE" && !member.linkedAccountId)?.accountId;
}
