import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The PostgreSQL pass runs only the suites that use a database: the emulator and template suites
// never open one, and the PGlite pass already runs them.
const databaseFreeSuites = process.env.TEST_DATABASE === "postgres" ? ["tests/emulator/**", "tests/aws/**"] : [];

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts", "emulator/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**", ...databaseFreeSuites],
    environment: "node",
    setupFiles: ["tests/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
  },
});
