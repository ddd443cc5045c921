// Re-verifies every cloud account not verified in the last N hours, for cron or a release pipeline:
//   npm run verify:accounts -- --older-than-hours 24 --concurrency 5
// Uses DATABASE_URL (or the embedded PGlite folder) and the portal's AWS configuration. Exits 1 when
// any account failed verification, so a scheduler can alert.
import { parseArgs } from "node:util";
import { configuredDatabaseUrl, openDatabase } from "../db/client";
import { scheduleSettings } from "../lib/accounts/verify-schedule";
import { verifyStaleAccounts } from "../lib/accounts/verify-stale";

const defaults = scheduleSettings();
const { values } = parseArgs({
  options: {
    "older-than-hours": { type: "string", default: String(defaults.olderThanHours) },
    concurrency: { type: "string", default: String(defaults.concurrency) },
  },
});
const olderThanHours = Number(values["older-than-hours"]);
const concurrency = Number(values.concurrency);
if (!(olderThanHours >= 0) || !(concurrency >= 1)) {
  console.error("--older-than-hours must be a number of hours >= 0 and --concurrency an integer >= 1.");
  process.exit(2);
}

const handle = await openDatabase(configuredDatabaseUrl());
try {
  const summary = await verifyStaleAccounts(handle.db, { olderThanHours, concurrency: Math.floor(concurrency) });
  console.log(`Verified ${summary.verified} accounts: ${summary.connected} connected, ${summary.failed} failed.`);
  process.exitCode = summary.failed > 0 ? 1 : 0;
} finally {
  await handle.close();
}
