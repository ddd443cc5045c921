import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cloudAccounts } from "@/db/schema";
import { ACCOUNT_NAME_MAX_LENGTH, sanitizeAccountName } from "./account-name";

/**
 * Hands out account names that are unique in the workspace ignoring case, as the unique index requires.
 * A taken name gets the AWS account ID appended: "Production (111122223333)".
 */
export class UniqueNames {
  private constructor(private readonly taken: Set<string>) {}

  static async forWorkspace(db: Executor, workspaceId: string): Promise<UniqueNames> {
    const rows = await db
      .select({ name: cloudAccounts.name })
      .from(cloudAccounts)
      .where(and(eq(cloudAccounts.workspaceId, workspaceId), isNull(cloudAccounts.deletedAt)));
    return new UniqueNames(new Set(rows.map((row) => row.name.toLowerCase())));
  }

  /** Reserves and returns a unique name derived from the organization's name for the account. */
  claim(organizationName: string, accountId: string): string {
    const base = sanitizeAccountName(organizationName, accountId);
    const candidates = [base.slice(0, ACCOUNT_NAME_MAX_LENGTH), withSuffix(base, ` (${accountId})`)];
    for (let counter = 2; counter < 1000; counter++) candidates.push(withSuffix(base, ` (${accountId}) ${counter}`));

    const name = candidates.find((candidate) => !this.taken.has(candidate.toLowerCase()));
    if (!name) throw new Error(`no unique name left for account ${accountId}`);
    this.taken.add(name.toLowerCase());
    return name;
  }
}

function withSuffix(base: string, suffix: string): string {
  return `${base.slice(0, ACCOUNT_NAME_MAX_LENGTH - suffix.length)}${suffix}`;
}
