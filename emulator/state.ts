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
  return { latencyMs: 0, throttleRate: 0, iamPropagationSeconds: 0, stsDisabledRegions: [], stuckStacks: false };
}

/**
 * The emulator's whole state, with an optional JSON file that is loaded at start and rewritten after
 * each change. Call `markChanged()` after a mutation, and the server calls `flush()` after each request.
 */
export class Store {
  data: StateData;
  private changed = false;

  constructor(private readonly stateFile?: string) {
    this.data = this.load() ?? emptyState();
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
  const data: StateData = { clockOffsetMs: 0, faults: defaultFaults(), accounts: {}, accessKeys: {} };
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
