import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests: one portal server (started by the global setup) and Debian's Chromium, one file at a time.
export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
