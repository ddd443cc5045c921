import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents, cloudAccounts, users } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 20;

export interface AuditPage {
  events: {
    id: string;
    action: string;
    targetType: string;
    targetId: string | null;
    details: Record<string, unknown>;
    createdAt: Date;
    actorEmail: string | null;
    /** The account's current name, deleted accounts included, when the target is a cloud account. */
    targetName: string | null;
  }[];
  total: number;
  page: number;
  pageCount: number;
}

/** Lists a workspace's audit events newest first, one page at a time (pages count from 1). */
export async function listAuditEvents(db: Executor, workspaceId: string, page = 1, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const [totalRow] = await db.select({ value: count() }).from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId));
  const total = totalRow?.value ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);

  const events = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
      actorEmail: users.email,
      targetName: cloudAccounts.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(
      cloudAccounts,
      and(eq(auditEvents.targetType, "cloud_account"), eq(cloudAccounts.workspaceId, auditEvents.workspaceId), sql`${cloudAccounts.id}::text = ${auditEvents.targetId}`),
    )
    .where(eq(auditEvents.workspaceId, workspaceId))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(pageSize)
    .offset((current - 1) * pageSize);

  return { events, total, page: current, pageCount };
}
