/**
 * Control routes that create state directly, without signed AWS calls: accounts, organizations,
 * stacks that are already complete, and bare roles.
 */
import { createStack, settleStacks } from "./cloudformation/engine";
import { findStack } from "./cloudformation/stacks";
import type { Body } from "./control-input";
import { ControlError, optionalAccountId, optionalString, partitionOf, policyText, requiredString, stringRecord } from "./control-input";
import { AwsError } from "./errors";
import * as ids from "./ids";
import { organizationId } from "./organizations";
import { partitionOfRegion } from "./partitions";
import { attachPolicy, checkPolicyDocument, createRole } from "./roles";
import type { Store } from "./state";
import type { Account, Organization, OrganizationAccount, OrganizationAccountStatus, Partition } from "./types";
import { PATTERNS, validate } from "./validation";

/** Region a seeded stack is created in when the request names none: the partition's main region. */
const DEFAULT_REGIONS: Record<Partition, string> = { aws: "us-east-1", "aws-cn": "cn-north-1", "aws-us-gov": "us-gov-west-1" };

/** Largest organization the control endpoint creates in one request. */
const MAX_MEMBERS = 10_000;

type AccessKeyPair = { accessKeyId: string; secretAccessKey: string };

export function createAccount(store: Store, input: Body) {
  const partition = partitionOf(input.partition ?? "aws");
  const requested = optionalAccountId(input.accountId);
  if (requested !== undefined && store.account(partition, requested)) {
    throw new ControlError(409, `Account ${requested} already exists in partition ${partition}.`);
  }
  const accountId = requested ?? unusedAccountId(store, partition);
  const key = store.createAccount(partition, accountId);
  return { accountId, partition, ...key };
}

function unusedAccountId(store: Store, partition: Partition): string {
  let accountId = ids.accountId();
  while (store.account(partition, accountId)) accountId = ids.accountId();
  return accountId;
}

interface MemberInput {
  accountId?: string;
  name?: string;
  email?: string;
  status: OrganizationAccountStatus;
}

function parseMembers(value: unknown): MemberInput[] {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0 || value > MAX_MEMBERS) {
      throw new ControlError(400, `Invalid members ${value}: expected a count from 0 to ${MAX_MEMBERS} or a list of members.`);
    }
    return Array.from({ length: value }, () => ({ status: "ACTIVE" as const }));
  }
  if (!Array.isArray(value)) throw new ControlError(400, "Missing members: expected a count or a list of { accountId?, name?, email?, status? }.");
  if (value.length > MAX_MEMBERS) throw new ControlError(400, `Too many members (${value.length}): the maximum is ${MAX_MEMBERS}.`);

  return value.map((item: unknown, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) throw new ControlError(400, `Invalid members[${index}]: expected an object.`);
    const member = item as Body;
    const status = member.status ?? "ACTIVE";
    if (status !== "ACTIVE" && status !== "SUSPENDED") {
      throw new ControlError(400, `Invalid members[${index}].status ${JSON.stringify(status)}: expected ACTIVE or SUSPENDED.`);
    }
    const name = optionalString(member, "name");
    const email = optionalString(member, "email");
    if (name !== undefined && (name.length < 1 || name.length > 128)) throw new ControlError(400, `Invalid members[${index}].name: expected 1 to 128 characters.`);
    if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new ControlError(400, `Invalid members[${index}].email ${JSON.stringify(email)}: expected an email address.`);
    return { accountId: optionalAccountId(member.accountId, `members[${index}].accountId`), name, email, status };
  });
}

/** Checks that an existing account may join a new organization. */
function checkJoinable(store: Store, partition: Partition, accountId: string | undefined): void {
  if (accountId === undefined) return;
  if (accountId === ids.PLATFORM_ACCOUNT_ID) throw new ControlError(400, `Account ${accountId} is the platform account, which cannot join an organization.`);
  const organization = store.account(partition, accountId)?.organizationId;
  if (organization !== undefined) throw new ControlError(409, `Account ${accountId} is already in organization ${organization}.`);
}

/** Indexes the administrator keys of the partition's accounts, to return the key of an account that joins. */
function adminKeys(store: Store, partition: Partition): Map<string, AccessKeyPair> {
  const keys = new Map<string, AccessKeyPair>();
  for (const key of Object.values(store.data.accessKeys)) {
    if (key.partition !== partition || key.session || key.userName !== "admin") continue;
    keys.set(key.accountId, { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey });
  }
  return keys;
}

/**
 * Creates an organization with a management account and members. Accounts named by an ID that exists
 * join it ("INVITED"), the others are created with an administrator user ("CREATED"). Every input is
 * checked before anything changes, so a rejected request leaves no accounts behind.
 */
export function createOrganization(store: Store, input: Body) {
  const partition = partitionOf(input.partition ?? "aws");
  const managementAccountId = optionalAccountId(input.managementAccountId, "managementAccountId");
  const members = parseMembers(input.members);

  const requested = [managementAccountId, ...members.map((member) => member.accountId)].filter((id) => id !== undefined);
  const duplicate = requested.find((id, index) => requested.indexOf(id) !== index);
  if (duplicate !== undefined) throw new ControlError(400, `Account ${duplicate} is listed twice.`);
  for (const accountId of requested) checkJoinable(store, partition, accountId);

  const keys = adminKeys(store, partition);
  const now = store.now();
  const organization: Organization = { id: organizationId(), partition, managementAccountId: "", createdAt: now, accounts: [] };

  const join = (requestedId: string | undefined, details: { name: string; email?: string; status: OrganizationAccountStatus }) => {
    let accountId = requestedId;
    let key = accountId === undefined ? undefined : keys.get(accountId);
    const existing = accountId !== undefined && store.account(partition, accountId) !== undefined;
    if (!existing) {
      accountId ??= unusedAccountId(store, partition);
      key = store.createAccount(partition, accountId);
    }
    const account = store.account(partition, accountId!) as Account;
    account.organizationId = organization.id;
    const member: OrganizationAccount = {
      id: account.id,
      name: details.name,
      email: details.email ?? `aws+${account.id}@example.com`,
      status: details.status,
      // NOTE: AWS shows the account that created the organization as INVITED too.
      joinedMethod: existing || organization.accounts.length === 0 ? "INVITED" : "CREATED",
      joinedAt: now,
    };
    organization.accounts.push(member);
    return { accountId: member.id, name: member.name, email: member.email, status: member.status, ...key };
  };

  const managementAccount = join(managementAccountId, { name: "Management account", status: "ACTIVE" });
  organization.managementAccountId = managementAccount.accountId;
  const created = members.map((member, index) => join(member.accountId, { ...member, name: member.name ?? `Member account ${index + 1}` }));

  store.data.organizations[`${partition}/${organization.id}`] = organization;
  store.markChanged();
  return { organizationId: organization.id, partition, managementAccount, members: created };
}

function existingAccount(store: Store, input: Body): Account {
  const partition = partitionOf(input.partition ?? "aws");
  const accountId = optionalAccountId(input.accountId);
  if (accountId === undefined) throw new ControlError(400, "Missing accountId: expected the 12-digit ID of an account created through POST /_emulator/accounts.");
  const account = store.account(partition, accountId);
  if (!account) throw new ControlError(404, `Account ${accountId} does not exist in partition ${partition}. Create it with POST /_emulator/accounts first.`);
  return account;
}

/** Runs a step that may throw AWS's errors and reports them as a control error: 409 for a name in use, else 400. */
function asControlError<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    throw new ControlError(error.code.includes("AlreadyExists") ? 409 : 400, `${error.code}: ${error.message}`);
  }
}

/**
 * Creates a stack and completes it at once with the CloudFormation engine, as if it had been created
 * earlier. The stack is created with CAPABILITY_NAMED_IAM and ignores the `stuckStacks` fault.
 */
export function seedStack(store: Store, input: Body) {
  const account = existingAccount(store, input);
  const region = optionalString(input, "region") ?? DEFAULT_REGIONS[account.partition];
  if (partitionOfRegion(region) !== account.partition) {
    throw new ControlError(400, `Region ${region} is not in partition ${account.partition}.`);
  }
  const name = optionalString(input, "stackName") ?? "XOps360-Integration";
  if (!/^[a-zA-Z][-a-zA-Z0-9]{0,127}$/.test(name)) throw new ControlError(400, `Invalid stackName ${JSON.stringify(name)}: expected a letter, then letters, digits or hyphens, at most 128 characters.`);
  if (findStack(account, region, name)) throw new ControlError(409, `Stack ${name} already exists in account ${account.id}, region ${region}.`);

  const templateBody = requiredString(input, "templateBody");
  const parameters = Object.entries(stringRecord(input, "parameters")).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));
  const stack = asControlError(() =>
    createStack(store, account, region, { name, templateBody, parameters, capabilities: ["CAPABILITY_NAMED_IAM"], tags: [] }, 0),
  );
  stack.stuck = undefined;
  settleStacks(store);

  if (stack.status !== "CREATE_COMPLETE") {
    throw new ControlError(422, `Stack ${name} ended in ${stack.status}: ${stack.statusReason ?? "no reason given"}. It stays in the account in that state.`);
  }
  return { stackId: stack.stackId, stackName: stack.name, region, outputs: stack.outputs };
}

/**
 * Creates a role with a trust policy, inline policies by name, AWS or customer managed policy ARNs and
 * tags. Like a role created by a stack, it follows the `iamPropagationSeconds` fault.
 */
export function seedRole(store: Store, input: Body) {
  const account = existingAccount(store, input);
  const roleName = requiredString(input, "roleName");
  const path = optionalString(input, "path");
  const maxSessionDuration = input.maxSessionDuration;
  if (maxSessionDuration !== undefined && (typeof maxSessionDuration !== "number" || !Number.isInteger(maxSessionDuration))) {
    throw new ControlError(400, `Invalid maxSessionDuration ${JSON.stringify(maxSessionDuration)}: expected whole seconds from 3600 to 43200.`);
  }
  asControlError(() =>
    validate([
      { member: "roleName", value: roleName, minLength: 1, maxLength: 64, ...PATTERNS.roleName },
      { member: "path", value: path, minLength: 1, maxLength: 512, ...PATTERNS.path },
      { member: "maxSessionDuration", value: maxSessionDuration as number | undefined, min: 3600, max: 43200 },
    ]),
  );
  const trustPolicy = policyText(input.trustPolicy, "trustPolicy");
  const inline = Object.entries(policiesOf(input.policies)).map(([name, document]) => [name, policyText(document, `policies.${name}`)] as const);
  const managedPolicyArns = input.managedPolicyArns ?? [];
  if (!Array.isArray(managedPolicyArns) || !managedPolicyArns.every((arn) => typeof arn === "string")) {
    throw new ControlError(400, "Invalid managedPolicyArns: expected a list of policy ARNs.");
  }
  const tags = Object.entries(stringRecord(input, "tags")).map(([Key, Value]) => ({ Key, Value }));
  for (const [, document] of inline) asControlError(() => checkPolicyDocument(document));

  const role = asControlError(() =>
    createRole(store, account, { name: roleName, path, assumeRolePolicy: trustPolicy, maxSessionDuration: maxSessionDuration as number | undefined, tags }),
  );
  try {
    for (const arn of managedPolicyArns as string[]) attachPolicy(store, account, role, arn);
  } catch (error) {
    delete account.roles[role.name];
    throw error instanceof AwsError ? new ControlError(400, `${error.code}: ${error.message}`) : error;
  }
  for (const [name, document] of inline) role.inlinePolicies[name] = document;
  const propagationMs = store.data.faults.iamPropagationSeconds * 1000;
  if (propagationMs > 0) role.assumableAfter = role.createdAt + propagationMs;
  store.markChanged();
  return { roleArn: role.arn, roleId: role.roleId, roleName: role.name };
}

function policiesOf(value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new ControlError(400, "Invalid policies: expected an object of inline policy documents by policy name.");
}
