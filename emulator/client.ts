/** Typed client for the emulator's control endpoint, for tests and the portal's sandbox mode. */
import type { Faults, Partition } from "./types";

export interface PlatformPrincipal {
  accountId: string;
  arn: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface CreatedAccount {
  accountId: string;
  partition: Partition;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ClockState {
  /** The emulator's current time, ISO 8601. */
  now: string;
  offsetSeconds: number;
}

export type { Faults, Partition };

export interface EmulatorControl {
  health(): Promise<{ ok: boolean }>;
  platform(partition?: Partition): Promise<PlatformPrincipal>;
  createAccount(input?: { partition?: Partition; accountId?: string }): Promise<CreatedAccount>;
  getFaults(): Promise<Faults>;
  /** Changes only the given faults and returns all of them. */
  setFaults(faults: Partial<Faults>): Promise<Faults>;
  advanceClock(seconds: number): Promise<ClockState>;
  reset(): Promise<void>;
}

export class EmulatorControlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "EmulatorControlError";
  }
}

export function createEmulatorControl(endpoint: string): EmulatorControl {
  const base = endpoint.replace(/\/+$/, "");

  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}/_emulator/${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json()) as T & { error?: string };
    if (!response.ok) {
      throw new EmulatorControlError(response.status, `${method} /_emulator/${path} failed with ${response.status}: ${payload.error}`);
    }
    return payload;
  }

  return {
    health: () => call("GET", "health"),
    platform: (partition = "aws") => call("GET", `platform?partition=${encodeURIComponent(partition)}`),
    createAccount: (input = {}) => call("POST", "accounts", input),
    getFaults: () => call("GET", "faults"),
    setFaults: (faults) => call("POST", "faults", faults),
    advanceClock: (seconds) => call("POST", "clock", { advanceSeconds: seconds }),
    reset: async () => {
      await call("POST", "reset", {});
    },
  };
}
