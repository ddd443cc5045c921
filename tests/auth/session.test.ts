import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { isSessionCurrent, revokeSessions, sessionVersionOf } from "@/lib/auth/session-version";
import { sessionMaxAgeSeconds } from "@/lib/auth/settings";
import { openTestDatabase } from "../helpers/database";
import { createWorkspace } from "../helpers/workspace";

let db: Database;
let closeDb: () => Promise<void>;

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
});

afterAll(async () => {
  await closeDb();
});

async function freshToken() {
  const { ownerId } = await createWorkspace(db);
  return { userId: ownerId, sessionVersion: await sessionVersionOf(db, ownerId), signedInAt: Math.floor(Date.now() / 1000) };
}

describe("session version", () => {
  it("accepts a fresh token", async () => {
    expect(await isSessionCurrent(db, await freshToken(), 3600)).toBe(true);
  });

  it("rejects every token after revokeSessions", async () => {
    const token = await freshToken();

    await revokeSessions(db, token.userId);

    expect(await isSessionCurrent(db, token, 3600)).toBe(false);
    expect(await isSessionCurrent(db, { ...token, sessionVersion: await sessionVersionOf(db, token.userId) }, 3600)).toBe(true);
  });

  it("rejects a token older than the maximum age", async () => {
    const token = await freshToken();

    expect(await isSessionCurrent(db, token, 3600, Date.now() + 3601 * 1000)).toBe(false);
  });

  it("rejects a token without a version", async () => {
    const token = await freshToken();

    expect(await isSessionCurrent(db, { ...token, sessionVersion: undefined }, 3600)).toBe(false);
  });

  it("rejects a token of a deleted user", async () => {
    expect(await isSessionCurrent(db, { userId: "no-such-user", sessionVersion: 0, signedInAt: Math.floor(Date.now() / 1000) }, 3600)).toBe(false);
  });
});

describe("session settings", () => {
  it("defaults the maximum age to 8 hours", () => {
    delete process.env.XOPS_SESSION_MAX_AGE_HOURS;
    expect(sessionMaxAgeSeconds()).toBe(8 * 3600);
  });

  it("reads XOPS_SESSION_MAX_AGE_HOURS", () => {
    process.env.XOPS_SESSION_MAX_AGE_HOURS = "0.5";
    expect(sessionMaxAgeSeconds()).toBe(1800);
    delete process.env.XOPS_SESSION_MAX_AGE_HOURS;
  });

  it("rejects a maximum age that is not a positive number", () => {
    process.env.XOPS_SESSION_MAX_AGE_HOURS = "eight";
    expect(() => sessionMaxAgeSeconds()).toThrow('XOPS_SESSION_MAX_AGE_HOURS must be a positive number of hours, but it is "eight"');
    delete process.env.XOPS_SESSION_MAX_AGE_HOURS;
  });
});

describe("callback path", () => {
  it.each([
    ["/invite/abc", "/invite/abc"],
    ["/integrations?x=1", "/integrations?x=1"],
    ["//evil.example/", undefined],
    ["/\\evil.example", undefined],
    ["https://evil.example/", undefined],
    ["/line\nbreak", undefined],
    [null, undefined],
  ])("maps %j to %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });
});
