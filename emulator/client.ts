/** Typed client for the emulator's control endpoint, for tests and the portal's sandbox mode. */
import type { Faults, OrganizationAccountStatus, Partition, StackOutput } from "./types";

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

export interface OrganizationMemberInput {
  /** An account created earlier joins the organization; a new ID or none creates the account. */
  accountId?: string;
  name?: string;
  email?: string;
  status?: OrganizationAccountStatus;
}

export interface OrganizationInput {
  partition?: Partition;
  managementAccountId?: string;
  /** A number of new member accounts, or one entry per member. */
  members: number | OrganizationMemberInput[];
}

export interface OrganizationMember {
  accountId: string;
  name: string;
  email: string;
  status: OrganizationAccountStatus;
  /** Long-term key of the account's administrator user `admin`. */
  accessKeyId: string;
  secretAccessKey: string;
}

export interface CreatedOrganization {
  organizationId: string;
  partition: Partition;
  managementAccount: OrganizationMember;
  members: OrganizationMember[];
}

export interface StackInput {
  accountId: string;
  partition?: Partition;
  /** Default: the partition's main region (us-east-1, cn-north-1 or us-gov-west-1). */
  region?: string;
  templateBody: string;
  parameters?: Record<string, string>;
  /** Default XOps360-Integration. */
  stackName?: string;
}

export interface CreatedStack {
  stackId: string;
  stackName: string;
  region: string;
  /** Outputs in the template's order, as DescribeStacks returns them. */
  outputs: StackOutput[];
}

/** A policy document as an object or as JSON text. */
export type PolicyDocument = string | Record<string, unknown>;

export interface RoleInput {
  accountId: string;
  partition?: Partition;
  roleName: string;
  path?: string;
  trustPolicy: PolicyDocument;
  /** Inline policies by policy name. */
  policies?: Record<string, PolicyDocument>;
  managedPolicyArns?: string[];
  tags?: Record<string, string>;
  maxSessionDuration?: number;
}

export interface CreatedRole {
  roleArn: string;
  roleId: string;
  roleName: string;
}

export type { Faults, OrganizationAccountStatus, Partition, StackOutput };

export interface EmulatorControl {
  health(): Promise<{ ok: boolean }>;
  platform(partition?: Partition): Promise<PlatformPrincipal>;
  createAccount(input?: { partition?: Partition; accountId?: string }): Promise<CreatedAccount>;
  /** Creates an organization, creating its accounts with administrator users unless they exist. */
  createOrganization(input: OrganizationInput): Promise<CreatedOrganization>;
  /** Creates a stack that is already CREATE_COMPLETE, with the same engine as CreateStack. */
  createStack(input: StackInput): Promise<CreatedStack>;
  /** Creates a bare role, for example one whose trust policy lacks the External ID condition. */
  createRole(input: RoleInput): Promise<CreatedRole>;
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
    createOrganization: (input) => call("POST", "organizations", input),
    createStack: (input) => call("POST", "stacks", input),
    createRole: (input) => call("POST", "roles", input),
    getFaults: () => call("GET", "faults"),
    setFaults: (faults) => call("POST", "faults", faults),
    advanceClock: (seconds) => call("POST", "clock", { advanceSeconds: seconds }),
    reset: async () => {
      await call("POST", "reset", {});
    },
  };
}
