import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";

/** Actions recorded in the audit log, as stored in audit_events.action. */
export const AUDIT_ACTIONS = {
  accountLinked: "account.linked",
  accountRenamed: "account.renamed",
  accountDeleted: "account.deleted",
  accountVerified: "account.verified",
  supportRequested: "support.requested",
} as const;

export interface AuditEntry {
  workspaceId: string;
  /** The member who acted; null for the scheduled re-verification. */
  actorUserId: string | null;
  action: string;
  targetType: "cloud_account" | "support_request";
  targetId: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

/** Inserts an audit event. Callers pass their transaction, so the event commits or rolls back with the change. */
export async function recordAuditEvent(tx: Executor, entry: AuditEntry): Promise<void> {
  const details: Record<string, unknown> = { ...entry.extra };
  if (entry.before) details.before = entry.before;
  if (entry.after) details.after = entry.after;

  await tx.insert(auditEvents).values({
    workspaceId: entry.workspaceId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details,
  });
}
