import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`portal exited with code ${server.exitCode} before it answered`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`portal did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Starts the portal as `npm run dev` does, in sandbox mode against the AWS emulator, with its own
 * PGlite folder and emulator state so runs never share data.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "xops-e2e-"));
  const port = await freePort();
  const sandboxPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const env = { ...process.env };
  for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "XOPS_AWS_ENDPOINT_URL", "DATABASE_URL"]) delete env[name];
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: {
      ...env,
      DATABASE_URL: `pglite:${path.join(dataDir, "pglite")}`,
      XOPS_SANDBOX_PORT: String(sandboxPort),
      XOPS_SANDBOX_STATE_FILE: path.join(dataDir, "sandbox-aws.json"),
      XOPS_ASSUME_ROLE_RETRY_SECONDS: "5",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const log: string[] = [];
  server.stdout?.on("data", (chunk) => log.push(String(chunk)));
  server.stderr?.on("data", (chunk) => log.push(String(chunk)));

  try {
    await waitForHttp(`${baseUrl}/signin`, 120_000, server);
  } catch (error) {
    console.error(log.join(""));
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("sandboxEndpoint", `http://127.0.0.1:${sandboxPort}`);

  return async () => {
    if (process.env.E2E_SHOW_SERVER_LOG) console.log(log.join(""));
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    sandboxEndpoint: string;
  }
}
