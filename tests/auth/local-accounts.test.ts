import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { openTestDatabase } from "../helpers/database";
import { snapshotMemberTables } from "../helpers/members";

let db: Database;
let closeDb: () => Promise<void>;
let actions: typeof import("@/app/signin/actions");

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
  process.env.AUTH_SECRET = "test-secret-for-local-account-checks-0123";
  process.env.XOPS_LOCAL_ACCOUNTS = "off";
  actions = await import("@/app/signin/actions");
});

afterAll(async () => {
  delete process.env.XOPS_LOCAL_ACCOUNTS;
  await closeDb();
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const OFF = { ok: false, message: "Local accounts are switched off on this portal.", fieldErrors: undefined };

describe("XOPS_LOCAL_ACCOUNTS=off", () => {
  it("rejects sign-up and creates nothing", async () => {
    const before = await snapshotMemberTables(db);

    const result = await actions.signUpAction(undefined, form({ email: "new@example.com", password: "correct horse battery staple" }));

    expect(result).toEqual(OFF);
    expect(await snapshotMemberTables(db)).toEqual(before);
  });

  it("rejects password sign-in", async () => {
    const result = await actions.signInAction(undefined, form({ email: "new@example.com", password: "correct horse battery staple" }));

    expect(result).toEqual(OFF);
  });
});
