import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accountNameSchema, sanitizeAccountName } from "@/lib/accounts/account-name";
import { UniqueNames } from "@/lib/accounts/unique-names";
import { openTestDatabase } from "../helpers/database";
import { createWorkspace } from "../helpers/workspace";

function messageOf(value: string): string | undefined {
  const parsed = accountNameSchema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

describe("accountNameSchema", () => {
  it("trims and accepts a plain name", () => {
    expect(accountNameSchema.parse("  Production \t")).toBe("Production");
  });

  it("accepts letters of any script", () => {
    expect(accountNameSchema.parse("Équipe données 本番")).toBe("Équipe données 本番");
  });

  it("rejects an empty name", () => {
    expect(messageOf("   ")).toBe("AWS Account Name is required. Enter a name such as Production.");
  });

  it("rejects a name over 64 characters", () => {
    expect(messageOf("x".repeat(65))).toBe("AWS Account Name must be at most 64 characters. Shorten it.");
  });

  it("rejects control characters", () => {
    expect(messageOf("Prod\nuction")).toBe("AWS Account Name must not contain control characters such as tabs or line breaks.");
  });

  it("rejects zero-width and direction characters", () => {
    const expected = "AWS Account Name must not contain invisible formatting characters such as zero-width spaces or direction marks. Type the name again.";
    expect(messageOf("\u200b\u200d")).toBe(expected);
    expect(messageOf("Équipe\u200b")).toBe(expected);
    expect(messageOf("\u202eProd")).toBe(expected);
    expect(messageOf("Prod\u3164")).toBe(expected);
    expect(messageOf("Prod\u00ad")).toBe(expected);
    expect(messageOf("Production\u2800")).toBe(expected);
  });

  it("rejects a name without a letter or digit", () => {
    expect(messageOf("---")).toBe("AWS Account Name must contain at least one letter or digit.");
  });

  it("sanitizes names from AWS Organizations", () => {
    expect(sanitizeAccountName("Prod\u200b\nData\u0007", "111122223333")).toBe("Prod Data");
    expect(sanitizeAccountName("\u3164\u115f", "111122223333")).toBe("111122223333");
  });
});

describe("UniqueNames", () => {
  let db: Database;
  let closeDb: () => Promise<void>;
  let workspaceId: string;

  beforeAll(async () => {
    ({ db, close: closeDb } = await openTestDatabase());
    ({ workspaceId } = await createWorkspace(db));
  });

  afterAll(async () => {
    await closeDb();
  });

  it("cuts long organization names at whole characters", async () => {
    const names = await UniqueNames.forWorkspace(db, workspaceId);
    const name = names.claim(`${"A".repeat(63)}😀 tail`, "111122223333");

    expect(name).toBe("A".repeat(63));
    expect(accountNameSchema.safeParse(name).success).toBe(true);
  });

  it("appends the account ID to a taken name within 64 characters", async () => {
    const names = await UniqueNames.forWorkspace(db, workspaceId);
    names.claim("Production", "111122223333");

    expect(names.claim("PRODUCTION", "444455556666")).toBe("PRODUCTION (444455556666)");
    const long = names.claim(`${"B".repeat(70)}`, "777788889999");
    expect(names.claim(`${"B".repeat(70)}`, "123412341234")).toBe(`${"B".repeat(49)} (123412341234)`);
    expect(long).toHaveLength(64);
  });
});
