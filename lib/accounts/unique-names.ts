import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cloudAccounts } from "@/db/schema";
import { ACCOUNT_NAME_MAX_LENGTH, accountNameSchema, sanitizeAccountName } from "./account-name";

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
    const candidates = [withSuffix(base, ""), withSuffix(base, ` (${accountId})`)];
    for (let counter = 2; counter < 1000; counter++) candidates.push(withSuffix(base, ` (${accountId}) ${counter}`));

    const name = candidates.find((candidate) => accountNameSchema.safeParse(candidate).success && !this.taken.has(candidate.toLowerCase()));
    if (!name) throw new Error(`no unique name left for account ${accountId}`);
    this.taken.add(name.toLowerCase());
    return name;
  }
}

// Cuts by whole code points, so an emoji at the cut is dropped rather than split into half a pair,
// and the result is at most ACCOUNT_NAME_MAX_LENGTH UTF-16 units, as the schema counts.
function withSuffix(base: string, suffix: string): string {
  let prefix = "";
  for (const character of base) {
    if (prefix.length + character.length + suffix.length > ACCOUNT_NAME_MAX_LENGTH) break;
    prefix += character;
  }
  return `${prefix.trimEnd()}${suffix}`;
}
