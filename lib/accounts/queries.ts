import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
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

export const ACCOUNTS_PAGE_SIZE = 25;

/**
 * Lists one page of the workspace's accounts for the Integrations page, ordered by name, each with its
 * parent's name. Pages count from 1, and a page past the end returns the last page.
 */
export async function listAccountsPage(db: Executor, workspaceId: string, page = 1, pageSize = ACCOUNTS_PAGE_SIZE) {
  const total = await countAccounts(db, workspaceId);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);

  const parent = alias(cloudAccounts, "parent");
  const rows = await db
    .select({ account: cloudAccounts, parentName: parent.name })
    .from(cloudAccounts)
    .leftJoin(parent, and(eq(parent.workspaceId, cloudAccounts.workspaceId), eq(parent.id, cloudAccounts.parentId)))
    .where(active(workspaceId))
    .orderBy(sql`lower(${cloudAccounts.name})`, asc(cloudAccounts.id))
    .limit(pageSize)
    .offset((current - 1) * pageSize);

  return { rows, total, page: current, pageCount };
}

/** Lists the linked accounts under a management account by name, at most `limit`, with their total. */
export async function listLinkedAccounts(db: Executor, workspaceId: string, managementId: string, limit = 10) {
  const under = and(active(workspaceId), eq(cloudAccounts.parentId, managementId));
  const [totalRow] = await db.select({ value: count() }).from(cloudAccounts).where(under);
  const rows = await db.select().from(cloudAccounts).where(under).orderBy(sql`lower(${cloudAccounts.name})`).limit(limit);
  return { rows, total: totalRow?.value ?? 0 };
}

/** Lists the workspace's management accounts by name, at most `limit`. */
export async function listManagementAccounts(db: Executor, workspaceId: string, limit = 100) {
  return db
    .select()
    .from(cloudAccounts)
    .where(and(active(workspaceId), eq(cloudAccounts.awsAccountType, "management")))
    .orderBy(sql`lower(${cloudAccounts.name})`)
    .limit(limit);
}
