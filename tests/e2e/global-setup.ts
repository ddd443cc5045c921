import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { ssoBaseUrl, startTestIdentityProvider, TEST_IDP_SCOPE } from "./oidc-provider";
import { seedSsoWorkspace, type SsoWorkspaceSeed } from "./sso-seed";

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

/** Stops the portal's process group; a portal that already exited is left alone. */
function stopServer(server: ChildProcess): void {
  if (!server.pid || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/**
 * Creates a database for this run on the PostgreSQL server of TEST_POSTGRES_URL. The portal and the
 * tests both open it: tests insert rows the UI cannot create yet, which PGlite would not allow, because
 * only one process may open a PGlite folder.
 */
async function createRunDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `xops_e2e_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Starts the portal as `npm run dev` does, in sandbox mode against the AWS emulator, with a PostgreSQL
 * database and emulator state of its own so runs never share data.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "xops-e2e-"));
  const database = await createRunDatabase();
  const port = await freePort();
  const sandboxPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // SSO users of acme.test are mapped to this workspace, so it must exist before the portal starts.
  const identityProvider = await startTestIdentityProvider(ssoBaseUrl(baseUrl));
  const ssoWorkspace = await seedSsoWorkspace(database.url);

  const env = { ...process.env };
  for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "XOPS_AWS_ENDPOINT_URL", "DATABASE_URL"]) delete env[name];
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: {
      ...env,
      DATABASE_URL: database.url,
      AUTH_OIDC_ISSUER: identityProvider.issuer,
      AUTH_OIDC_CLIENT_ID: identityProvider.clientId,
      AUTH_OIDC_CLIENT_SECRET: identityProvider.clientSecret,
      AUTH_OIDC_NAME: "Test IdP",
      AUTH_OIDC_SCOPE: TEST_IDP_SCOPE,
      XOPS_SSO_MAPPINGS: JSON.stringify([
        { domain: "acme.test", workspaceId: ssoWorkspace.workspaceId, role: "admin" },
        { group: "xops-operators", workspaceId: ssoWorkspace.workspaceId, role: "viewer" },
      ]),
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
    stopServer(server);
    await database.drop();
    await identityProvider.close();
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("sandboxEndpoint", `http://127.0.0.1:${sandboxPort}`);
  project.provide("oidcIssuer", identityProvider.issuer);
  project.provide("ssoWorkspace", ssoWorkspace);
  project.provide("databaseUrl", database.url);

  return async () => {
    if (process.env.E2E_SHOW_SERVER_LOG) console.log(log.join(""));
    stopServer(server);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await identityProvider.close();
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    sandboxEndpoint: string;
    /** The portal's PostgreSQL database, for tests that insert rows directly. */
    databaseUrl: string;
    /** The test OpenID Provider's issuer URL. */
    oidcIssuer: string;
    /** The workspace that the SSO mappings name. */
    ssoWorkspace: SsoWorkspaceSeed;
  }
}
