import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cloudAccounts } from "@/db/schema";

const active = (workspaceId: string) => and(eq(cloudAccounts.workspaceId, workspaceId), isNull(cloudAccounts.deletedAt));

export async function countAccounts(db: Executor, workspaceId: string): Promise<number> {
  const [row] = await db.select({ value: count() }).from(cloudAccounts).where(active(workspaceId));
  return row?.value ?? 0;
}

export async function findAccountByAwsId(db: Executor, workspaceId: string, awsAccountId: string) {
  const [row] = await db
    .select()
    .from(cloudAccounts)
    .where(and(active(workspaceId), eq(cloudAccounts.awsAccountId, awsAccountId)))
    .limit(1);
  return row;
}

export async function findAccountByName(db: Executor, workspaceId: string, name: string) {
  const [row] = await db
    .select()
    .from(cloudAccounts)
    .where(and(active(workspaceId), sql`lower(${cloudAccounts.name}) = lower(${name})`))
    .limit(1);
  return row;
}

/** Loads an account of the workspace by its ID; an ID of another workspace finds nothing. */
export async function findAccount(db: Executor, workspaceId: string, accountId: string) {
  const [row] = await db
    .select()
    .from(cloudAccounts)
    .where(and(active(workspaceId), eq(cloudAccounts.id, accountId)))
    .limit(1);
  return row;
}

export async function listAccounts(db: Executor, workspaceId: string, limit = 100) {
  return db.select().from(cloudAccounts).where(active(workspaceId)).orderBy(asc(cloudAccounts.name)).limit(limit);
}

export async function hasManagementAccount(db: Executor, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cloudAccounts.id })
    .from(cloudAccounts)
    .where(and(active(workspaceId), eq(cloudAccounts.awsAccountType, "management")))
    .limit(1);
  return Boolean(row);
}
