import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { openTestDatabase } from "../helpers/database";
import { createWorkspace } from "../helpers/workspace";

let db: Database;
let closeDb: () => Promise<void>;
let handlers: typeof import("@/lib/auth/config").handlers;
const email = "cookie-owner@example.com";
const password = "correct horse battery staple";

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
  await createWorkspace(db, email);
  process.env.AUTH_SECRET = "test-secret-for-cookie-checks-0123456789";
  process.env.XOPS_SESSION_MAX_AGE_HOURS = "2";
  ({ handlers } = await import("@/lib/auth/config"));
});

afterAll(async () => {
  delete process.env.XOPS_SESSION_MAX_AGE_HOURS;
  await closeDb();
});

/** Signs in through Auth.js's own credentials callback, as the browser does, and returns the Set-Cookie headers. */
async function signInAt(origin: string): Promise<string[]> {
  const csrfResponse = await handlers.GET(new NextRequest(`${origin}/api/auth/csrf`));
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookies = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");

  const response = await handlers.POST(
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
      body: new URLSearchParams({ csrfToken, email, password }).toString(),
    }),
  );
  return response.headers.getSetCookie();
}

describe("session cookie", () => {
  it("is __Secure-, Secure and HttpOnly over https", async () => {
    const cookies = await signInAt("https://portal.example.com");

    const session = cookies.find((cookie) => cookie.startsWith("__Secure-authjs.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
  });

  it("expires after XOPS_SESSION_MAX_AGE_HOURS", async () => {
    const cookies = await signInAt("https://portal.example.com");

    const session = cookies.find((cookie) => cookie.startsWith("__Secure-authjs.session-token="));
    const expires = new Date(/Expires=([^;]+)/i.exec(session ?? "")?.[1] ?? 0).getTime();
    expect(Math.abs(expires - (Date.now() + 2 * 3600 * 1000))).toBeLessThan(60_000);
  });

  it("has no __Secure- prefix over plain http", async () => {
    const cookies = await signInAt("http://localhost:3000");

    expect(cookies.some((cookie) => cookie.startsWith("authjs.session-token="))).toBe(true);
    expect(cookies.some((cookie) => cookie.startsWith("__Secure-"))).toBe(false);
  });
});
