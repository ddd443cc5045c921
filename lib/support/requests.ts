import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { cloudAccounts, supportRequests, users } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/guard";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { accountNotFoundMessage } from "@/lib/accounts/messages";
import { findAccount } from "@/lib/accounts/queries";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/record";
import { notifySupport, type NotifyResult } from "./notify";

// Control characters other than tab, line feed and carriage return.
const noControlCharacters = (value: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(value);

export const supportRequestSchema = z.object({
  subject: z
    .string({ error: "Subject is required." })
    .trim()
    .min(1, "Subject is required.")
    .max(200, "Subject must be at most 200 characters.")
    .refine((value) => !/\p{Cc}/u.test(value), "Subject must not contain control characters such as tabs or line breaks."),
  description: z
    .string({ error: "Description is required." })
    .trim()
    .min(1, "Description is required. Say what you need and why.")
    .max(5000, "Description must be at most 5000 characters.")
    .refine(noControlCharacters, "Description must not contain control characters other than line breaks and tabs."),
  accountId: z.union([z.literal(""), z.uuid({ error: "Choose the account concerned." })]).optional(),
});

export type SupportRequestInput = z.infer<typeof supportRequestSchema>;

/** Builds the subject prefilled when a user asks to remove a management account. */
export function managementDeletionSubject(name: string, awsAccountId: string): string {
  return `Delete management account "${name}" (${awsAccountId})`;
}

/**
 * Stores a support request with its audit event in one transaction, then e-mails the operator when SMTP
 * is configured. A failed e-mail leaves the request stored, and the returned message tells the user.
 */
export async function submitSupportRequest(context: ActionContext, input: SupportRequestInput): Promise<ActionResult<{ id: string; notified: NotifyResult }>> {
  const { db, member } = context;

  const account = input.accountId ? await findAccount(db, member.workspaceId, input.accountId) : undefined;
  if (input.accountId && !account) return failure(accountNotFoundMessage(), { accountId: accountNotFoundMessage() });

  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supportRequests)
      .values({ workspaceId: member.workspaceId, userId: member.userId, cloudAccountId: account?.id ?? null, subject: input.subject, description: input.description })
      .returning({ id: supportRequests.id });
    if (!row) throw new Error("insert into support_requests returned no row");

    await recordAuditEvent(tx, {
      workspaceId: member.workspaceId,
      actorUserId: member.userId,
      action: AUDIT_ACTIONS.supportRequested,
      targetType: "support_request",
      targetId: row.id,
      after: { subject: input.subject, accountId: account?.id ?? null, awsAccountId: account?.awsAccountId ?? null, status: "open" },
    });
    return row.id;
  });

  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, member.userId)).limit(1);
  const notified = await notifySupport({ id, workspaceId: member.workspaceId, userEmail: user?.email ?? member.userId, subject: input.subject, description: input.description, account });
  return success({ id, notified }, submittedMessage(notified));
}

function submittedMessage(notified: NotifyResult): string {
  switch (notified.status) {
    case "sent":
      return `Support request stored, and support was notified at ${notified.to}.`;
    case "not_configured":
      return "Support request stored. E-mail notifications are not configured on this portal, so tell your operator about it.";
    case "failed":
      return "Support request stored, but the e-mail to support failed. Tell your operator about it.";
  }
}

/** Lists the member's own support requests, newest first, with the name of the account concerned. */
export async function listSupportRequests(db: Executor, workspaceId: string, userId: string, limit = 50) {
  return db
    .select({
      id: supportRequests.id,
      subject: supportRequests.subject,
      status: supportRequests.status,
      createdAt: supportRequests.createdAt,
      accountName: cloudAccounts.name,
    })
    .from(supportRequests)
    .leftJoin(cloudAccounts, and(eq(cloudAccounts.workspaceId, supportRequests.workspaceId), eq(cloudAccounts.id, supportRequests.cloudAccountId)))
    .where(and(eq(supportRequests.workspaceId, workspaceId), eq(supportRequests.userId, userId)))
    .orderBy(desc(supportRequests.createdAt))
    .limit(limit);
}
