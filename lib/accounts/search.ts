import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cloudAccounts, type AwsAccountType } from "@/db/schema";

export const SELECTOR_RESULT_LIMIT = 50;

export interface SelectorAccount {
  id: string;
  name: string;
  awsAccountId: string;
  awsAccountType: AwsAccountType;
  status: "connected" | "error";
}

/** A management account with the linked accounts under it that matched; `matched` is false when only its children did. */
export interface SelectorGroup {
  management: SelectorAccount | null;
  matched: boolean;
  linked: SelectorAccount[];
}

export interface SelectorResults {
  groups: SelectorGroup[];
  /** True when more accounts match than were returned, so the user should type more. */
  truncated: boolean;
}

const selectorColumns = {
  id: cloudAccounts.id,
  name: cloudAccounts.name,
  awsAccountId: cloudAccounts.awsAccountId,
  awsAccountType: cloudAccounts.awsAccountType,
  status: cloudAccounts.status,
  parentId: cloudAccounts.parentId,
};

/** Escapes LIKE's wildcards so a typed "%" or "_" matches itself. */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Searches the workspace's accounts for the account selector: a name containing the query (ignoring
 * case) or an AWS account ID starting with it. Returns at most `limit` matches, management accounts first
 * and by name, grouped under their management account. The database does the filtering and the limit, so
 * the search stays fast in workspaces with 10,000 accounts.
 */
export async function searchAccounts(db: Executor, workspaceId: string, query: string, limit = SELECTOR_RESULT_LIMIT): Promise<SelectorResults> {
  const term = query.trim();
  const active = and(eq(cloudAccounts.workspaceId, workspaceId), isNull(cloudAccounts.deletedAt));
  const matches = term
    ? or(sql`${cloudAccounts.name} ilike ${`%${likeLiteral(term)}%`}`, sql`${cloudAccounts.awsAccountId} like ${`${likeLiteral(term)}%`}`)
    : undefined;

  const rows = await db
    .select(selectorColumns)
    .from(cloudAccounts)
    .where(and(active, matches))
    .orderBy(asc(cloudAccounts.awsAccountType), sql`lower(${cloudAccounts.name})`, asc(cloudAccounts.id))
    .limit(limit + 1);
  const truncated = rows.length > limit;
  const found = rows.slice(0, limit);

  // Linked accounts that matched are shown under their management account, even when it did not match.
  const foundIds = new Set(found.map((row) => row.id));
  const missingParentIds = [...new Set(found.flatMap((row) => (row.parentId && !foundIds.has(row.parentId) ? [row.parentId] : [])))];
  const parents = missingParentIds.length
    ? await db.select(selectorColumns).from(cloudAccounts).where(and(active, inArray(cloudAccounts.id, missingParentIds)))
    : [];

  return { groups: groupUnderManagement(found, parents), truncated };
}

type Row = SelectorAccount & { parentId: string | null };

function groupUnderManagement(found: Row[], parents: Row[]): SelectorGroup[] {
  const groups = new Map<string, SelectorGroup>();
  const orphans: SelectorAccount[] = [];
  const strip = ({ parentId: _parentId, ...account }: Row): SelectorAccount => account;

  for (const row of found) {
    if (row.awsAccountType === "management") groups.set(row.id, { management: strip(row), matched: true, linked: [] });
  }
  for (const parent of parents) groups.set(parent.id, { management: strip(parent), matched: false, linked: [] });
  for (const row of found) {
    if (row.awsAccountType !== "linked") continue;
    const group = row.parentId ? groups.get(row.parentId) : undefined;
    if (group) group.linked.push(strip(row));
    else orphans.push(strip(row));
  }

  const ordered = [...groups.values()].sort((a, b) => (a.management?.name ?? "").localeCompare(b.management?.name ?? "", undefined, { sensitivity: "base" }));
  return orphans.length ? [...ordered, { management: null, matched: false, linked: orphans }] : ordered;
}
