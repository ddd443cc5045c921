// Starts `next dev`. Without any AWS configuration it first starts the local AWS emulator as the
// portal's AWS ("sandbox mode"), keeping its state in .data/sandbox-aws.json across restarts.
import { spawn } from "node:child_process";
import path from "node:path";
import { createEmulatorControl } from "../emulator/client";
import { startEmulator } from "../emulator/server";
import { hasAwsConfiguration } from "./sandbox-env";

const args = process.argv.slice(2);
const env: NodeJS.ProcessEnv = { ...process.env };
let stopEmulator: (() => Promise<void>) | undefined;

if (process.env.XOPS_SANDBOX !== "0" && !hasAwsConfiguration()) {
  const port = Number(process.env.XOPS_SANDBOX_PORT ?? "4599");
  const stateFile = process.env.XOPS_SANDBOX_STATE_FILE ?? path.join(process.cwd(), ".data", "sandbox-aws.json");
  const emulator = await startEmulator({ port, stateFile });
  const platform = await createEmulatorControl(emulator.endpoint).platform("aws");
  stopEmulator = emulator.close;

  Object.assign(env, {
    XOPS_SANDBOX: "1",
    XOPS_AWS_ENDPOINT_URL: emulator.endpoint,
    AWS_ACCESS_KEY_ID: platform.accessKeyId,
    AWS_SECRET_ACCESS_KEY: platform.secretAccessKey,
  });
  console.log(`Sandbox mode: no AWS configuration found, so the portal uses the local AWS emulator at ${emulator.endpoint}.`);
  console.log(`Sandbox mode: the portal's AWS identity is ${platform.arn}. Set AWS credentials to use real AWS accounts.`);
}

// The AWS SDK warns on every start that its 2027 releases need Node.js 22; the dev overlay shows that
// warning as an error. Say it once here instead.
if (Number(process.versions.node.split(".")[0]) < 22) {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  console.log(`Node.js ${process.versions.node}: works, but AWS SDK releases after January 2027 need Node.js 22 or later.`);
}

const next = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "dev", ...args], { env, stdio: "inherit" });

async function shutdown(signal: NodeJS.Signals) {
  next.kill(signal);
  await stopEmulator?.();
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
next.on("exit", async (code) => {
  await stopEmulator?.();
  process.exit(code ?? 0);
});
