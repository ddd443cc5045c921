// Measures the account selector's search and the first Integrations page in a workspace with 10,000
// accounts, on embedded PGlite and on PostgreSQL:
//   npm run bench:accounts -- --runs 100 [--postgres postgres://postgres@127.0.0.1:5432/test]
// The PostgreSQL run creates a database of its own on that server and drops it afterwards.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { listAccountsPage } from "../lib/accounts/queries";
import { searchAccounts } from "../lib/accounts/search";
import { seedLargeWorkspace, seededAwsAccountId, seededName } from "../tests/helpers/seed";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "50" },
    accounts: { type: "string", default: "10000" },
    postgres: { type: "string", default: process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test" },
  },
});
const runs = Math.max(1, Number(values.runs));
const accounts = Math.max(20, Number(values.accounts));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function bench(driver: string, handle: DatabaseHandle) {
  const { workspaceId } = await seedLargeWorkspace(handle.db, accounts, 10);
  // Refresh the planner's statistics, as autovacuum would soon after a bulk insert on a real server.
  await handle.db.execute(sql`analyze cloud_accounts`);
  const cases: [string, () => Promise<unknown>][] = [
    ["selector, no query", () => searchAccounts(handle.db, workspaceId, "")],
    ["selector, one name", () => searchAccounts(handle.db, workspaceId, seededName(accounts - 7))],
    ["selector, account ID", () => searchAccounts(handle.db, workspaceId, seededAwsAccountId(accounts - 7))],
    ["selector, broad query", () => searchAccounts(handle.db, workspaceId, "account 0")],
    ["Integrations page 1", () => listAccountsPage(handle.db, workspaceId, 1)],
  ];

  for (const [name, run] of cases) {
    await run(); // Warm-up: the first call plans the query and loads pages into the cache.
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${driver.padEnd(10)} ${name.padEnd(24)} p50 ${percentile(times, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(7)} ms`);
  }
}

console.log(`${accounts} accounts in one workspace, ${runs} runs per query, Node.js ${process.versions.node}`);

const pglite = await openDatabase("pglite:memory");
try {
  await bench("PGlite", pglite);
} finally {
  await pglite.close();
}

const admin = postgres(values.postgres, { max: 1, onnotice: () => {} });
const name = `xops_bench_${randomBytes(6).toString("hex")}`;
try {
  await admin.unsafe(`create database ${name}`);
} catch (error) {
  console.log(`PostgreSQL skipped: could not create a database on ${values.postgres} (${error instanceof Error ? error.message : error}).`);
  await admin.end();
  process.exit(0);
}
try {
  const url = new URL(values.postgres);
  url.pathname = `/${name}`;
  const handle = await openDatabase(url.toString());
  try {
    await bench("PostgreSQL", handle);
  } finally {
    await handle.close();
  }
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
