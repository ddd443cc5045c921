import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { verifyStaleAccounts } from "@/lib/accounts/verify-stale";
import { scheduleSettings } from "@/lib/accounts/verify-schedule";
import { logger } from "@/lib/logger";

// Vercel Cron calls this with GET and "Authorization: Bearer $CRON_SECRET"; any other scheduler can do the same.
export const dynamic = "force-dynamic";

// Vercel ends a function after maxDuration seconds, so one call verifies at most XOPS_VERIFY_BATCH accounts
// (default 500). The next call picks up the accounts that are still stale.
export const maxDuration = 300;
const DEFAULT_ACCOUNTS_PER_CALL = 500;

export async function GET(request: Request): Promise<Response> {
  const secret = process.env.CRON_SECRET;
  // Without a secret anyone could make the portal call AWS for every account, so the route stays closed.
  if (!secret) return Response.json({ error: "CRON_SECRET is not set, so scheduled verification is disabled." }, { status: 503 });
  if (!bearerMatches(request.headers.get("authorization"), secret)) {
    return Response.json({ error: "Missing or invalid bearer token." }, { status: 401 });
  }

  const limit = Number(process.env.XOPS_VERIFY_BATCH) > 0 ? Number(process.env.XOPS_VERIFY_BATCH) : DEFAULT_ACCOUNTS_PER_CALL;
  const summary = await verifyStaleAccounts(await getDb(), { ...scheduleSettings(), limit });
  logger.info({ event: "scheduled_verify", ...summary }, "scheduled verification finished");
  return Response.json(summary);
}

function bearerMatches(header: string | null, secret: string): boolean {
  const expected = Buffer.from(`Bearer ${secret}`);
  const actual = Buffer.from(header ?? "");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
