import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cloudAccounts, workspaces } from "@/db/schema";
import { logger } from "@/lib/logger";
import { verifyAccount } from "./verify";

export interface StaleVerificationOptions {
  /** Accounts verified less than this many hours ago are skipped. */
  olderThanHours: number;
  /** How many accounts are verified at the same time, to bound the load on AWS STS and the database. */
  concurrency: number;
  /** At most this many accounts in one run, so a cron route handler stays within its time limit; no limit when unset. */
  limit?: number;
}

export interface StaleVerificationSummary {
  verified: number;
  connected: number;
  failed: number;
}

/** Re-verifies every account, in every workspace, that was never verified or not in the last `olderThanHours` hours. */
export async function verifyStaleAccounts(db: Executor, options: StaleVerificationOptions): Promise<StaleVerificationSummary> {
  const cutoff = new Date(Date.now() - options.olderThanHours * 3_600_000);
  const summary: StaleVerificationSummary = { verified: 0, connected: 0, failed: 0 };
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;

  const allWorkspaces = await db.select({ id: workspaces.id, externalId: workspaces.externalId }).from(workspaces).orderBy(asc(workspaces.id));
  for (const workspace of allWorkspaces) {
    if (remaining <= 0) break;
    const stale = await staleAccounts(db, workspace.id, cutoff, Math.min(remaining, 10_000));
    remaining -= stale.length;

    await runBounded(stale, options.concurrency, async (account) => {
      try {
        const outcome = await verifyAccount(db, account, { externalId: workspace.externalId, actorUserId: null });
        summary.verified++;
        if (outcome.status === "connected") summary.connected++;
        else summary.failed++;
      } catch (error) {
        // One account's unexpected error (a dropped database connection, a bug) must not stop the others.
        summary.failed++;
        logger.error({ err: error, workspaceId: workspace.id, accountId: account.id }, "scheduled verification failed");
      }
    });
  }
  return summary;
}

async function staleAccounts(db: Executor, workspaceId: string, cutoff: Date, limit: number) {
  return db
    .select()
    .from(cloudAccounts)
    .where(
      and(
        eq(cloudAccounts.workspaceId, workspaceId),
        isNull(cloudAccounts.deletedAt),
        or(isNull(cloudAccounts.lastVerifiedAt), lt(cloudAccounts.lastVerifiedAt, cutoff)),
      ),
    )
    .orderBy(sql`${cloudAccounts.lastVerifiedAt} asc nulls first`)
    .limit(limit);
}

/** Runs `work` on every item with at most `concurrency` calls in flight. */
export async function runBounded<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}
