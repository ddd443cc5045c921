import { readFileSync, renameSync, writeFileSync } from "node:fs";

import * as ids from "./ids";
import type { Account, Faults, Partition, StateData } from "./types";
import { PARTITIONS } from "./types";

/** Permissions of the platform user: like a least-privilege portal principal, it can only assume roles. */
const PLATFORM_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole", "sts:GetCallerIdentity"], Resource: "*" }],
});

export function defaultFaults(): Faults {
  return {
    latencyMs: 0,
    throttleRate: 0,
    iamPropagationSeconds: 0,
    stsDisabledRegions: [],
    stuckStacks: false,
    resetRate: 0,
    throttleServices: [],
    randomSeed: null,
  };
}

/**
 * The emulator's whole state, with an optional JSON file that is loaded at start and rewritten after
 * each change. Call `markChanged()` after a mutation, and the server calls `flush()` after each request.
 */
export class Store {
  data: StateData;
  private changed = false;
  /** State of the seeded generator behind `random()`, kept in memory only. */
  private randomState: number | null = null;

  constructor(private readonly stateFile?: string) {
    const loaded = this.load();
    // State files written before organizations and the newer faults existed lack those fields.
    this.data = loaded ? { ...loaded, organizations: loaded.organizations ?? {}, faults: { ...defaultFaults(), ...loaded.faults } } : emptyState();
    this.seedRandom(this.data.faults.randomSeed);
  }

  /** Restarts `random()` from a seed, or switches it back to Math.random for null. */
  seedRandom(seed: number | null): void {
    this.randomState = seed === null ? null : seed >>> 0;
  }

  /** Returns a number in [0, 1): from the seeded generator (mulberry32) when a seed is set, else Math.random. */
  random(): number {
    if (this.randomState === null) return Math.random();
    this.randomState = (this.randomState + 0x6d2b79f5) >>> 0;
    let t = this.randomState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Current time in epoch ms, moved forward by the fake clock offset. */
  now(): number {
    return Date.now() + this.data.clockOffsetMs;
  }

  account(partition: Partition, accountId: string): Account | undefined {
    return this.data.accounts[`${partition}/${accountId}`];
  }

  /** Creates a customer account with an administrator user `admin` and a long-term access key. */
  createAccount(partition: Partition, accountId: string): { accessKeyId: string; secretAccessKey: string } {
    const key = { accessKeyId: ids.uniqueId("AKIA"), secretAccessKey: ids.secretAccessKey() };
    addAccount(this.data, partition, accountId, "admin", true, key);
    this.markChanged();
    return key;
  }

  /** Drops every customer account, session, fault and clock offset, and recreates the platform accounts. */
  reset(): void {
    this.data = emptyState();
    this.seedRandom(null);
    this.markChanged();
  }

  markChanged(): void {
    this.changed = true;
  }

  flush(): void {
    if (!this.changed || !this.stateFile) return;

    const temporaryFile = `${this.stateFile}.tmp`;
    writeFileSync(temporaryFile, JSON.stringify(this.data));
    renameSync(temporaryFile, this.stateFile);
    this.changed = false;
  }

  private load(): StateData | undefined {
    if (!this.stateFile) return undefined;

    let text: string;
    try {
      text = readFileSync(this.stateFile, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    return JSON.parse(text) as StateData;
  }
}

function emptyState(): StateData {
  const data: StateData = { clockOffsetMs: 0, faults: defaultFaults(), accounts: {}, accessKeys: {}, organizations: {} };
  for (const partition of PARTITIONS) {
    const key = ids.platformKey(partition);
    const userId = ids.platformUserId(partition);
    addAccount(data, partition, ids.PLATFORM_ACCOUNT_ID, ids.PLATFORM_USER_NAME, false, key, userId);
  }
  return data;
}

function addAccount(
  data: StateData,
  partition: Partition,
  accountId: string,
  userName: string,
  admin: boolean,
  key: { accessKeyId: string; secretAccessKey: string },
  userId: string = ids.uniqueId("AIDA"),
): void {
  const user = {
    name: userName,
    arn: `arn:${partition}:iam::${accountId}:user/${userName}`,
    userId,
    admin,
    policies: admin ? [] : [PLATFORM_POLICY],
  };
  data.accounts[`${partition}/${accountId}`] = {
    id: accountId,
    partition,
    users: { [userName]: user },
    roles: {},
    policies: {},
    stacks: [],
  };
  data.accessKeys[key.accessKeyId] = { ...key, partition, accountId, userName };
}
