import { randomInt } from "node:crypto";
import { asc } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditEvents, cloudAccounts, memberships, supportRequests, type AwsAccountType } from "@/db/schema";

export interface AccountFixture {
  name: string;
  type?: AwsAccountType;
  parentId?: string | null;
  awsAccountId?: string;
  roleArn?: string;
  status?: "connected" | "error";
  lastVerifiedAt?: Date | null;
}

export function randomAwsAccountId(): string {
  return String(randomInt(100_000_000_000, 999_999_999_999));
}

/**
 * Inserts a cloud account row directly, as connect would store it, without the AWS checks. Linked
 * accounts are inserted this way until connect can link them.
 */
export async function insertAccount(db: Database, workspaceId: string, fixture: AccountFixture) {
  const awsAccountId = fixture.awsAccountId ?? randomAwsAccountId();
  const [row] = await db
    .insert(cloudAccounts)
    .values({
      workspaceId,
      awsAccountType: fixture.type ?? "management",
      parentId: fixture.parentId ?? null,
      name: fixture.name,
      awsAccountId,
      roleArn: fixture.roleArn ?? `arn:aws:iam::${awsAccountId}:role/XOps360Integration`,
      partition: "aws",
      status: fixture.status ?? "connected",
      lastVerifiedAt: fixture.lastVerifiedAt === undefined ? new Date() : fixture.lastVerifiedAt,
    })
    .returning();
  if (!row) throw new Error("insert into cloud_accounts returned no row");
  return row;
}

/** Reads every row an account action could change, to assert that a rejected request changed nothing. */
export async function snapshotTables(db: Database) {
  return {
    accounts: await db.select().from(cloudAccounts).orderBy(asc(cloudAccounts.id)),
    memberships: await db.select().from(memberships).orderBy(asc(memberships.userId)),
    auditEvents: await db.select().from(auditEvents).orderBy(asc(auditEvents.id)),
    supportRequests: await db.select().from(supportRequests).orderBy(asc(supportRequests.id)),
  };
}
