import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditEvents, cloudAccounts, memberships, type AwsAccountType } from "@/db/schema";
import type { RoleArn } from "@/lib/aws/role-arn";
import type { VerifiedIntegration } from "./integration-checks";

export interface NewLink {
  workspaceId: string;
  actorUserId: string;
  accountType: AwsAccountType;
  name: string;
  role: RoleArn;
  verified: VerifiedIntegration;
  parentId: string | null;
  /** Make the new account the actor's current selection. */
  select: boolean;
  /** How the account was linked, for the audit trail: the form, or "Link all". */
  via: "connect" | "link_all";
}

/** Stores a verified account with its audit event, and selects it when asked, in one transaction. */
export async function storeLink(db: Database, link: NewLink): Promise<string> {
  const { role, verified } = link;
  return db.transaction(async (tx) => {
    const [account] = await tx
      .insert(cloudAccounts)
      .values({
        workspaceId: link.workspaceId,
        awsAccountType: link.accountType,
        parentId: link.parentId,
        name: link.name,
        awsAccountId: role.accountId,
        roleArn: role.arn,
        partition: role.partition,
        stackId: verified.stackId,
        stackRegion: verified.stackRegion,
        templateVersion: verified.templateVersion,
        status: "connected",
        lastVerifiedAt: new Date(),
        createdBy: link.actorUserId,
      })
      .returning({ id: cloudAccounts.id });
    if (!account) throw new Error("insert into cloud_accounts returned no row");

    await tx.insert(auditEvents).values({
      workspaceId: link.workspaceId,
      actorUserId: link.actorUserId,
      action: "account.linked",
      targetType: "cloud_account",
      targetId: account.id,
      details: {
        via: link.via,
        after: {
          name: link.name,
          awsAccountId: role.accountId,
          type: link.accountType,
          roleArn: role.arn,
          parentId: link.parentId,
          stackRegion: verified.stackRegion,
          templateVersion: verified.templateVersion,
          organizationId: verified.organization?.organizationId ?? null,
        },
      },
    });
    if (link.select) {
      await tx
        .update(memberships)
        .set({ currentCloudAccountId: account.id })
        .where(and(eq(memberships.workspaceId, link.workspaceId), eq(memberships.userId, link.actorUserId)));
    }
    return account.id;
  });
}

/** True for PostgreSQL's unique_violation, which the partial unique indexes raise for a concurrent duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return (error as { code?: string })?.code === "23505" || cause?.code === "23505";
}
