import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cloudAccounts, workspaces } from "@/db/schema";

export interface SeededOrganization {
  workspaceId: string;
  managementIds: string[];
}

/** Returns the name of the i-th seeded account (1-based), zero-padded so names sort like numbers. */
export function seededName(index: number): string {
  return `Account ${String(index).padStart(5, "0")}`;
}

/** Returns the AWS account ID of the i-th seeded account. */
export function seededAwsAccountId(index: number): string {
  return String(500_000_000_000 + index);
}

/**
 * Inserts `total` accounts into a new workspace: `managementCount` management accounts ("Account 00001"…)
 * and linked accounts spread evenly under them, in batches of 1,000 rows.
 */
export async function seedLargeWorkspace(db: Database, total = 10_000, managementCount = 10): Promise<SeededOrganization> {
  const [workspace] = await db
    .insert(workspaces)
    .values({ name: "large.example.com", externalId: `seed-${crypto.randomUUID()}` })
    .returning({ id: workspaces.id });
  if (!workspace) throw new Error("insert into workspaces returned no row");

  const managementIds: string[] = [];
  for (let index = 1; index <= managementCount; index++) {
    const [row] = await db.insert(cloudAccounts).values(accountValues(workspace.id, index, null)).returning({ id: cloudAccounts.id });
    managementIds.push(row!.id);
  }

  for (let start = managementCount + 1; start <= total; start += 1_000) {
    const batch = [];
    for (let index = start; index < Math.min(start + 1_000, total + 1); index++) {
      batch.push(accountValues(workspace.id, index, managementIds[index % managementCount]!));
    }
    await db.insert(cloudAccounts).values(batch);
  }
  return { workspaceId: workspace.id, managementIds };
}

function accountValues(workspaceId: string, index: number, parentId: string | null) {
  const awsAccountId = seededAwsAccountId(index);
  return {
    workspaceId,
    awsAccountType: parentId ? ("linked" as const) : ("management" as const),
    parentId,
    name: seededName(index),
    awsAccountId,
    roleArn: `arn:aws:iam::${awsAccountId}:role/XOps360Integration`,
    partition: "aws",
    lastVerifiedAt: new Date(),
  };
}

export async function deleteSeededWorkspace(db: Database, workspaceId: string): Promise<void> {
  await db.delete(workspaces).where(eq(workspaces.id, workspaceId));
}
