#!/usr/bin/env bash
# Runs every check: lint, typecheck, unit and integration tests on PGlite and on PostgreSQL, the
# production build, and the browser tests. Prints one "N passed, N failed" line at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=$(mktemp -d)

step() { printf '\n==> %s\n' "$*"; }

step "lint"
npx eslint . --max-warnings 0

step "typecheck"
npx tsc --noEmit

step "vitest on PGlite"
TEST_DATABASE=pglite npx vitest run --reporter=default --reporter=json --outputFile="$results/pglite.json"

step "vitest on PostgreSQL (${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test})"
TEST_DATABASE=postgres npx vitest run --reporter=default --reporter=json --outputFile="$results/postgres.json"

step "connect suite under AWS faults (100 ms latency, 10% throttling with a fixed seed)"
TEST_DATABASE=pglite TEST_AWS_FAULTS='{"latencyMs":100,"throttleRate":0.1,"randomSeed":11}' \
  npx vitest run tests/accounts/connect.test.ts --reporter=default --reporter=json --outputFile="$results/faults.json"

step "next build"
npx next build

step "browser tests (Chromium)"
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile="$results/e2e.json"

node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const file of fs.readdirSync(process.argv[1])) {
    const report = JSON.parse(fs.readFileSync(`${process.argv[1]}/${file}`, "utf8"));
    passed += report.numPassedTests; failed += report.numFailedTests; skipped += report.numPendingTests + report.numTodoTests;
  }
  console.log(`\nSummary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
' "$results"
