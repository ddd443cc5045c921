/**
 * A local AWS emulator for STS, IAM and CloudFormation that speaks AWS's wire protocols, so the AWS
 * SDK and the AWS CLI work against it with only an endpoint override. One port serves every service;
 * the service and region come from the SigV4 credential scope.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import pino from "pino";
import type { Logger } from "pino";

import type { EmulatorSettings } from "./context";
import { handleControlRequest } from "./control";
import { handleAwsRequest } from "./http";
import { Store } from "./state";

export interface EmulatorOptions {
  /** Port to listen on, where 0 picks a free port. Default 0. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** JSON file that contains the state. It is loaded at start when it exists and rewritten after each change. */
  stateFile?: string;
  /** Time a new stack stays CREATE_IN_PROGRESS, in ms. Default 300. */
  stackCreateDelayMs?: number;
  /** Logger for internal errors. Default: pino at level `warn`, or EMULATOR_LOG_LEVEL. */
  logger?: Logger;
}

export interface RunningEmulator {
  /** Base URL to pass as the SDK's `endpoint`, for example `http://127.0.0.1:4599`. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** Largest request body accepted, in bytes. It is well above CloudFormation's documented TemplateBody limit of 51,200 bytes. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const logger = options.logger ?? pino({ level: process.env.EMULATOR_LOG_LEVEL ?? "warn" });
  const store = new Store(options.stateFile);
  const settings: EmulatorSettings = { stackCreateDelayMs: options.stackCreateDelayMs ?? 300 };

  const server = createServer((request, response) => {
    handle(request, response, store, settings, logger).catch((error: unknown) => {
      logger.error({ err: error, method: request.method, url: request.url }, "emulator request failed");
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "Internal error in the AWS emulator; see its log." }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    endpoint: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  store: Store,
  settings: EmulatorSettings,
  logger: Logger,
): Promise<void> {
  const body = await readBody(request);
  if (body === undefined) {
    response.writeHead(413, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: `Request body larger than ${MAX_BODY_BYTES} bytes.` }));
    return;
  }

  const url = new URL(request.url ?? "/", "http://emulator.local");
  try {
    if (url.pathname.startsWith("/_emulator/")) handleControlRequest(request, response, url, body, store);
    else await handleAwsRequest(request, response, url, body, store, settings, logger);
  } finally {
    store.flush();
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
