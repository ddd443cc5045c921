import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAccountsPage } from "@/lib/accounts/queries";
import { searchAccounts } from "@/lib/accounts/search";
import { openTestDatabase } from "../helpers/database";
import { seededAwsAccountId, seededName, seedLargeWorkspace, type SeededOrganization } from "../helpers/seed";

let db: Database;
let closeDb: () => Promise<void>;
let seeded: SeededOrganization;

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
  seeded = await seedLargeWorkspace(db, 10_000, 10);
}, 120_000);

afterAll(async () => {
  await closeDb();
});

describe("workspace with 10,000 accounts", () => {
  it("finds one account by exact name", async () => {
    const results = await searchAccounts(db, seeded.workspaceId, seededName(9_876));

    expect(results.truncated).toBe(false);
    expect(results.groups).toHaveLength(1);
    expect(results.groups[0]?.management?.id).toBe(seeded.managementIds[9_876 % 10]);
    expect(results.groups[0]?.matched).toBe(false);
    expect(results.groups[0]?.linked.map((account) => account.name)).toEqual([seededName(9_876)]);
  });

  it("finds an account by its AWS account ID", async () => {
    const results = await searchAccounts(db, seeded.workspaceId, seededAwsAccountId(4_321));

    expect(results.groups.flatMap((group) => group.linked.map((account) => account.awsAccountId))).toEqual([seededAwsAccountId(4_321)]);
  });

  it("caps a broad search at 50 with truncation", async () => {
    const results = await searchAccounts(db, seeded.workspaceId, "account 0");

    const names = results.groups.flatMap((group) => [...(group.matched && group.management ? [group.management.name] : []), ...group.linked.map((account) => account.name)]);
    expect(results.truncated).toBe(true);
    expect(names).toHaveLength(50);
    // Management accounts are matched first, so all 10 head their groups.
    expect(results.groups.map((group) => [group.management?.name, group.matched])).toEqual(Array.from({ length: 10 }, (_, i) => [seededName(i + 1), true]));
  });

  it("returns the first Integrations page by name", async () => {
    const page = await listAccountsPage(db, seeded.workspaceId, 1);

    expect(page.total).toBe(10_000);
    expect(page.pageCount).toBe(400);
    expect(page.rows.map((row) => row.account.name)).toEqual(Array.from({ length: 25 }, (_, i) => seededName(i + 1)));
    // Account 00011 hangs under the management account with index 11 % 10, "Account 00002".
    expect(page.rows[10]?.parentName).toBe(seededName(2));
  });

  it("returns the last Integrations page", async () => {
    const page = await listAccountsPage(db, seeded.workspaceId, 400);

    expect(page.rows.at(-1)?.account.name).toBe(seededName(10_000));
  });
});
