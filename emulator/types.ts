/** Data model of the emulator. Every value is plain JSON so the whole state can be persisted as is. */

export type Partition = "aws" | "aws-cn" | "aws-us-gov";

export const PARTITIONS: readonly Partition[] = ["aws", "aws-cn", "aws-us-gov"];

export interface Tag {
  Key: string;
  Value: string;
}

export interface Role {
  name: string;
  path: string;
  roleId: string;
  arn: string;
  createdAt: number;
  /** Trust policy as the JSON text that was submitted. */
  assumeRolePolicy: string;
  description?: string;
  maxSessionDuration: number;
  tags: Tag[];
  /** Inline policies by policy name, as JSON text. */
  inlinePolicies: Record<string, string>;
  managedPolicyArns: string[];
  /** Epoch ms before which AssumeRole is refused, to imitate IAM's eventual consistency. */
  assumableAfter?: number;
}

export interface ManagedPolicy {
  arn: string;
  name: string;
  path: string;
  policyId: string;
  document: string;
  createdAt: number;
}

export interface User {
  name: string;
  arn: string;
  userId: string;
  /** True for a customer account's administrator, who is allowed every action. */
  admin: boolean;
  /** Identity-based policies of a user that is not an administrator, as JSON text. */
  policies: string[];
}

export interface StackOutput {
  OutputKey: string;
  OutputValue: string;
  Description?: string;
  ExportName?: string;
}

export interface StackResource {
  logicalId: string;
  type: string;
  physicalId?: string;
  status: string;
  statusReason?: string;
  /** Resolved properties, kept so that deleting the stack can undo what the resource changed. */
  properties?: Record<string, unknown>;
}

export interface StackEvent {
  eventId: string;
  logicalId: string;
  physicalId: string;
  type: string;
  status: string;
  statusReason?: string;
  timestamp: number;
}

export interface Stack {
  stackId: string;
  name: string;
  region: string;
  description?: string;
  status: string;
  statusReason?: string;
  createdAt: number;
  updatedAt?: number;
  deletedAt?: number;
  /** Epoch ms at which the pending create or delete finishes, absent when nothing is pending. */
  settlesAt?: number;
  /** Set by the `stuckStacks` fault: the create never finishes. */
  stuck?: boolean;
  templateBody: string;
  parameters: { ParameterKey: string; ParameterValue: string }[];
  /** Parameters declared NoEcho, whose values DescribeStacks masks. */
  noEchoParameters: string[];
  capabilities: string[];
  tags: Tag[];
  outputs: StackOutput[];
  resources: StackResource[];
  events: StackEvent[];
}

export interface Account {
  id: string;
  partition: Partition;
  users: Record<string, User>;
  roles: Record<string, Role>;
  /** Customer managed policies by ARN. */
  policies: Record<string, ManagedPolicy>;
  stacks: Stack[];
  /** ID of the organization the account belongs to, as management account or member. */
  organizationId?: string;
}

export type OrganizationAccountStatus = "ACTIVE" | "SUSPENDED";

/** An account's membership as Organizations' ListAccounts and DescribeAccount return it. */
export interface OrganizationAccount {
  id: string;
  name: string;
  email: string;
  status: OrganizationAccountStatus;
  joinedMethod: "INVITED" | "CREATED";
  joinedAt: number;
}

export interface Organization {
  /** `o-` followed by 10 lower-case letters or digits. */
  id: string;
  partition: Partition;
  managementAccountId: string;
  createdAt: number;
  /** Every account of the organization, the management account first, in the order they joined. */
  accounts: OrganizationAccount[];
}

export interface Session {
  roleName: string;
  roleArn: string;
  roleId: string;
  sessionName: string;
  sessionToken: string;
  expiresAt: number;
}

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  partition: Partition;
  accountId: string;
  /** Owner of a long-term key. */
  userName?: string;
  /** Role session of a temporary key (ASIA…). */
  session?: Session;
}

export interface Faults {
  latencyMs: number;
  throttleRate: number;
  iamPropagationSeconds: number;
  stsDisabledRegions: string[];
  stuckStacks: boolean;
  /** Share of AWS API calls, from 0 to 1, whose connection is closed without a response. */
  resetRate: number;
  /** Signing names of the services that `throttleRate` applies to. Empty means every service. */
  throttleServices: string[];
  /**
   * Seed for the random choices of `throttleRate` and `resetRate`, so that the same sequence of calls
   * meets the same faults on every run. Null uses Math.random.
   */
  randomSeed: number | null;
}

export interface StateData {
  clockOffsetMs: number;
  faults: Faults;
  /** Accounts by `<partition>/<account ID>`: the same account ID can exist in each partition. */
  accounts: Record<string, Account>;
  accessKeys: Record<string, AccessKey>;
  /** Organizations by `<partition>/<organization ID>`. */
  organizations: Record<string, Organization>;
}
