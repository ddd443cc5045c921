import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { searchAccounts } from "@/lib/accounts/search";
import { insertAccount } from "../helpers/accounts";
import { openTestDatabase } from "../helpers/database";
import { createWorkspace, type TestWorkspace } from "../helpers/workspace";

let db: Database;
let closeDb: () => Promise<void>;
let workspace: TestWorkspace;

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
});

afterAll(async () => {
  await closeDb();
});

beforeEach(async () => {
  workspace = await createWorkspace(db);
  const payer = await insertAccount(db, workspace.workspaceId, { name: "Payer", awsAccountId: "111111111111" });
  const research = await insertAccount(db, workspace.workspaceId, { name: "Research payer", awsAccountId: "222222222222" });
  await insertAccount(db, workspace.workspaceId, { name: "web-prod", type: "linked", parentId: payer.id, awsAccountId: "111100000001" });
  await insertAccount(db, workspace.workspaceId, { name: "Web-Staging", type: "linked", parentId: payer.id, awsAccountId: "111100000002" });
  await insertAccount(db, workspace.workspaceId, { name: "lab_100%", type: "linked", parentId: research.id, awsAccountId: "222200000001" });
});

function outline(groups: Awaited<ReturnType<typeof searchAccounts>>["groups"]) {
  return groups.map((group) => [group.management?.name ?? null, group.matched, group.linked.map((account) => account.name)]);
}

describe("selector search", () => {
  it("lists management accounts with their linked accounts", async () => {
    const results = await searchAccounts(db, workspace.workspaceId, "");

    expect(outline(results.groups)).toEqual([
      ["Payer", true, ["web-prod", "Web-Staging"]],
      ["Research payer", true, ["lab_100%"]],
    ]);
    expect(results.truncated).toBe(false);
  });

  it("matches names ignoring case, under their management account", async () => {
    const results = await searchAccounts(db, workspace.workspaceId, "WEB");

    expect(outline(results.groups)).toEqual([["Payer", false, ["web-prod", "Web-Staging"]]]);
  });

  it("matches an account ID prefix", async () => {
    const results = await searchAccounts(db, workspace.workspaceId, "2222");

    expect(outline(results.groups)).toEqual([["Research payer", true, ["lab_100%"]]]);
  });

  it("treats % and _ as literal characters", async () => {
    expect(outline((await searchAccounts(db, workspace.workspaceId, "_100%")).groups)).toEqual([["Research payer", false, ["lab_100%"]]]);
    expect((await searchAccounts(db, workspace.workspaceId, "b%1")).groups).toEqual([]);
  });

  it("reports truncation past the limit", async () => {
    const results = await searchAccounts(db, workspace.workspaceId, "", 2);

    expect(results.truncated).toBe(true);
    expect(outline(results.groups)).toEqual([
      ["Payer", true, []],
      ["Research payer", true, []],
    ]);
  });
});
