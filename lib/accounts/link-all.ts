import pLimit from "p-limit";
import type { Database } from "@/db/client";
import { auditEvents, type CloudAccount } from "@/db/schema";
import { parseRoleArn } from "@/lib/aws/role-arn";
import { logger } from "@/lib/logger";
import type { Member } from "@/lib/workspace/members";
import { runIntegrationChecks, type IntegrationCheckResult } from "./integration-checks";
import { listOrganizationMembers, type OrganizationMember } from "./organization-members";
import { isUniqueViolation, storeLink } from "./store-link";
import { UniqueNames } from "./unique-names";

/** Accounts checked at once. Each check makes about seven AWS calls, so this bounds the call rate. */
export const LINK_ALL_CONCURRENCY = 8;
const THROTTLE_RETRIES = 3;

export type LinkAllEvent =
  | { type: "start"; total: number }
  | { type: "result"; accountId: string; name: string; outcome: "linked" | "failed" | "skipped"; message: string }
  | { type: "done"; linked: number; failed: number; skipped: number }
  | { type: "error"; message: string };

/**
 * Links every not-yet-linked ACTIVE member of a management account's organization that passes the same
 * checks as Connect, reporting each account as it finishes. Failed accounts are not stored, so running
 * it again links only what is still missing.
 */
export async function* linkAllMembers(
  db: Database,
  member: Member,
  workspace: { id: string; externalId: string },
  management: CloudAccount,
): AsyncGenerator<LinkAllEvent> {
  const listed = await listOrganizationMembers(db, workspace, management);
  if (!listed.ok) {
    yield { type: "error", message: listed.message };
    return;
  }

  const candidates = listed.members.filter((candidate) => !candidate.linkedAccountId);
  yield { type: "start", total: candidates.length };

  // Names are handed out before the checks run, in account ID order, so they do not depend on which
  // check finishes first.
  const names = await UniqueNames.forWorkspace(db, workspace.id);
  const plannedNames = new Map(
    [...candidates]
      .filter((candidate) => candidate.status === "ACTIVE")
      .sort((a, b) => a.accountId.localeCompare(b.accountId))
      .map((candidate) => [candidate.accountId, names.claim(candidate.name, candidate.accountId)]),
  );
  const limit = pLimit(LINK_ALL_CONCURRENCY);
  const pending = new Map<number, Promise<{ index: number; event: LinkAllEvent }>>();
  candidates.forEach((candidate, index) => {
    pending.set(
      index,
      limit(async () => {
        try {
          return { index, event: await linkOne(db, member, workspace, management, candidate, plannedNames.get(candidate.accountId) ?? candidate.name) };
        } catch (error) {
          logger.error({ err: error, workspaceId: workspace.id, awsAccountId: candidate.accountId }, "Link all failed on an account");
          const event: LinkAllEvent = { type: "result", accountId: candidate.accountId, name: candidate.name, outcome: "failed", message: "An internal error stopped this account's check; see the server log." };
          return { index, event };
        }
      }),
    );
  });

  const counts = { linked: 0, failed: 0, skipped: 0 };
  while (pending.size > 0) {
    const { index, event } = await Promise.race(pending.values());
    pending.delete(index);
    if (event.type === "result") counts[event.outcome]++;
    yield event;
  }

  await db.insert(auditEvents).values({
    workspaceId: workspace.id,
    actorUserId: member.userId,
    action: "account.link_all",
    targetType: "cloud_account",
    targetId: management.id,
    details: { ...counts, candidates: candidates.length },
  });
  logger.info({ event: "link_all", workspaceId: workspace.id, managementAccountId: management.awsAccountId, ...counts }, "Link all finished");
  yield { type: "done", ...counts };
}

async function linkOne(
  db: Database,
  member: Member,
  workspace: { id: string; externalId: string },
  management: CloudAccount,
  candidate: OrganizationMember,
  name: string,
): Promise<LinkAllEvent> {
  const result = (outcome: "linked" | "failed" | "skipped", message: string, name = candidate.name): LinkAllEvent => ({
    type: "result",
    accountId: candidate.accountId,
    name,
    outcome,
    message,
  });
  if (candidate.status !== "ACTIVE") return result("skipped", `The account is ${candidate.status} in AWS Organizations, so it was not linked.`);

  const role = parseRoleArn(candidate.expectedRoleArn);
  if (!role.ok) return result("failed", role.message);

  const log = logger.child({ event: "link_all", workspaceId: workspace.id, awsAccountId: candidate.accountId });
  const request = {
    role: role.value,
    accountType: "linked" as const,
    workspaceId: workspace.id,
    externalId: workspace.externalId,
    retrySeconds: 0,
    retryControl: "Link all" as const,
  };
  let checked: IntegrationCheckResult = await runIntegrationChecks(request, log);
  // The SDK already retries throttled calls; an account whose check still ends throttled waits and runs again.
  for (let attempt = 1; !checked.ok && checked.code === "throttled" && attempt <= THROTTLE_RETRIES; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    checked = await runIntegrationChecks(request, log);
  }
  if (!checked.ok) return result("failed", checked.message);
  if (checked.value.organization?.managementAccountId !== management.awsAccountId) {
    return result("failed", `The account no longer belongs to the organization of ${management.awsAccountId}.`);
  }

  try {
    await storeLink(db, {
      workspaceId: workspace.id,
      actorUserId: member.userId,
      accountType: "linked",
      name,
      role: role.value,
      verified: checked.value,
      parentId: management.id,
      select: false,
      via: "link_all",
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return result("skipped", "The account was linked by another request at the same time.");
  }
  return result("linked", "Linked.", name);
}
