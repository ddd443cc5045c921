/**
 * The control endpoint under `/_emulator/`: JSON in and out, no signature. Tests and the portal's
 * sandbox mode use it to read the platform principal, create customer accounts, organizations, stacks
 * and roles, set faults, move the clock and reset the state.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import { settleStacks } from "./cloudformation/engine";
import type { Body } from "./control-input";
import { ControlError, partitionOf } from "./control-input";
import * as ids from "./ids";
import { createAccount, createOrganization, seedRole, seedStack } from "./seeding";
import type { Store } from "./state";
import type { Faults, Partition } from "./types";

export function handleControlRequest(request: IncomingMessage, response: ServerResponse, url: URL, body: Buffer, store: Store): void {
  const send = (status: number, payload: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(payload));
  };

  try {
    const route = `${request.method} ${url.pathname.replace(/\/+$/, "")}`;
    const input = parseBody(body);
    settleStacks(store);
    switch (route) {
      case "GET /_emulator/health":
        return send(200, { ok: true });
      case "GET /_emulator/platform":
        return send(200, platform(store, partitionOf(url.searchParams.get("partition") ?? "aws")));
      case "POST /_emulator/accounts":
        return send(201, createAccount(store, input));
      case "POST /_emulator/organizations":
        return send(201, createOrganization(store, input));
      case "POST /_emulator/stacks":
        return send(201, seedStack(store, input));
      case "POST /_emulator/roles":
        return send(201, seedRole(store, input));
      case "GET /_emulator/faults":
        return send(200, store.data.faults);
      case "POST /_emulator/faults":
        return send(200, setFaults(store, input));
      case "GET /_emulator/clock":
        return send(200, clock(store));
      case "POST /_emulator/clock":
        return send(200, advanceClock(store, input));
      case "POST /_emulator/reset":
        store.reset();
        return send(200, { ok: true });
      default:
        throw new ControlError(404, `Unknown control route: ${route}`);
    }
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    send(error.status, { error: error.message });
  }
}

function parseBody(body: Buffer): Body {
  if (body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Body;
  } catch {
    // Reported below with the same message as a JSON value that is not an object.
  }
  throw new ControlError(400, "The request body must be a JSON object.");
}

function platform(store: Store, partition: Partition) {
  const key = ids.platformKey(partition);
  const user = store.account(partition, ids.PLATFORM_ACCOUNT_ID)!.users[ids.PLATFORM_USER_NAME]!;
  return { accountId: ids.PLATFORM_ACCOUNT_ID, arn: user.arn, ...key };
}

function setFaults(store: Store, input: Body): Faults {
  const faults = { ...store.data.faults };
  const number = (name: keyof Faults, max: number) => {
    const value = input[name];
    if (value === undefined) return;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > max) {
      throw new ControlError(400, `Invalid ${name} ${JSON.stringify(value)}: expected a number from 0 to ${max}.`);
    }
    Object.assign(faults, { [name]: value });
  };
  number("latencyMs", 60_000);
  number("throttleRate", 1);
  number("iamPropagationSeconds", 3600);
  number("resetRate", 1);

  if (input.stsDisabledRegions !== undefined) {
    const regions = input.stsDisabledRegions;
    if (!Array.isArray(regions) || !regions.every((region) => typeof region === "string")) {
      throw new ControlError(400, "Invalid stsDisabledRegions: expected a list of region names.");
    }
    faults.stsDisabledRegions = regions as string[];
  }
  if (input.throttleServices !== undefined) faults.throttleServices = serviceNames(input.throttleServices);
  if (input.randomSeed !== undefined) {
    const seed = input.randomSeed;
    if (seed !== null && (typeof seed !== "number" || !Number.isInteger(seed))) {
      throw new ControlError(400, `Invalid randomSeed ${JSON.stringify(seed)}: expected an integer, or null for Math.random.`);
    }
    faults.randomSeed = seed;
    // Setting the seed again restarts the sequence, so a test can replay the same faults.
    store.seedRandom(seed);
  }
  if (input.stuckStacks !== undefined) {
    if (typeof input.stuckStacks !== "boolean") throw new ControlError(400, "Invalid stuckStacks: expected true or false.");
    faults.stuckStacks = input.stuckStacks;
  }

  store.data.faults = faults;
  store.markChanged();
  return faults;
}

const SIGNING_NAMES = ["sts", "iam", "cloudformation", "organizations"];

function serviceNames(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((name) => typeof name === "string" && SIGNING_NAMES.includes(name))) {
    throw new ControlError(400, `Invalid throttleServices ${JSON.stringify(value)}: expected a list of ${SIGNING_NAMES.join(", ")}.`);
  }
  return value as string[];
}

function clock(store: Store) {
  return { now: new Date(store.now()).toISOString(), offsetSeconds: store.data.clockOffsetMs / 1000 };
}

/** Moves the fake clock forward: sessions expire and stacks complete as if the time had passed. */
function advanceClock(store: Store, input: Body) {
  const seconds = input.advanceSeconds;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
    throw new ControlError(400, `Invalid advanceSeconds ${JSON.stringify(seconds)}: expected a number of seconds of at least 0.`);
  }
  store.data.clockOffsetMs += seconds * 1000;
  store.markChanged();
  settleStacks(store);
  return clock(store);
}
