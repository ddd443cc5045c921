/**
 * Runs the AWS emulator: `tsx emulator/main.ts --port 4599 [--host 127.0.0.1] [--state-file path]`.
 */
import { parseArgs } from "node:util";

import pino from "pino";

import { startEmulator } from "./server";

const logger = pino({ level: process.env.EMULATOR_LOG_LEVEL ?? "info" });

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4599" },
    host: { type: "string", default: "127.0.0.1" },
    "state-file": { type: "string" },
    "stack-create-delay-ms": { type: "string" },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  logger.error({ port: values.port }, "invalid --port: expected an integer from 0 to 65535");
  process.exit(2);
}

const emulator = await startEmulator({
  port,
  host: values.host,
  stateFile: values["state-file"],
  stackCreateDelayMs: values["stack-create-delay-ms"] === undefined ? undefined : Number(values["stack-create-delay-ms"]),
  logger,
});
logger.info({ endpoint: emulator.endpoint, stateFile: values["state-file"] }, `AWS emulator listening on ${emulator.endpoint}`);

const stop = (signal: NodeJS.Signals) => {
  logger.info({ signal }, "AWS emulator stopping");
  emulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, "AWS emulator failed to stop cleanly");
      process.exit(1);
    },
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
