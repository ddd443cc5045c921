import { asc } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditEvents, authAccounts, invitations, memberships, users } from "@/db/schema";

/** Reads every row a member or sign-in procedure could change, to assert that a rejected request changed nothing. */
export async function snapshotMemberTables(db: Database) {
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    authAccounts: await db.select().from(authAccounts).orderBy(asc(authAccounts.providerAccountId)),
    memberships: await db.select().from(memberships).orderBy(asc(memberships.workspaceId), asc(memberships.userId)),
    invitations: await db.select().from(invitations).orderBy(asc(invitations.id)),
    auditEvents: await db.select().from(auditEvents).orderBy(asc(auditEvents.id)),
  };
}
