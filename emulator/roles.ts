/** IAM roles of an account, shared by the IAM API and CloudFormation's AWS::IAM::Role. */
import { AwsError } from "./errors";
import * as ids from "./ids";
import { awsManagedPolicy } from "./managed-policies";
import type { Store } from "./state";
import type { Account, Role, Tag } from "./types";

export interface RoleInput {
  name: string;
  path?: string;
  assumeRolePolicy: string;
  description?: string;
  maxSessionDuration?: number;
  tags?: Tag[];
}

export function noSuchRole(name: string): AwsError {
  return new AwsError("NoSuchEntity", `The role with name ${name} cannot be found.`, 404);
}

export function getRole(account: Account, name: string): Role {
  const role = account.roles[name];
  if (!role) throw noSuchRole(name);
  return role;
}

/** Throws MalformedPolicyDocument unless the text is a JSON policy with a Statement. */
export function checkPolicyDocument(text: string): void {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new AwsError("MalformedPolicyDocument", "This policy contains invalid Json", 400);
  }
  if (typeof document !== "object" || document === null || !("Statement" in document)) {
    throw new AwsError("MalformedPolicyDocument", "Syntax errors in policy.", 400);
  }
}

export function createRole(store: Store, account: Account, input: RoleInput): Role {
  // IAM role names are unique per account regardless of case.
  const existing = Object.keys(account.roles).find((name) => name.toLowerCase() === input.name.toLowerCase());
  if (existing !== undefined) {
    throw new AwsError("EntityAlreadyExists", `Role with name ${input.name} already exists.`, 409);
  }
  checkPolicyDocument(input.assumeRolePolicy);

  const path = input.path ?? "/";
  const role: Role = {
    name: input.name,
    path,
    roleId: ids.uniqueId("AROA"),
    arn: `arn:${account.partition}:iam::${account.id}:role${path}${input.name}`,
    createdAt: store.now(),
    assumeRolePolicy: input.assumeRolePolicy,
    description: input.description,
    maxSessionDuration: input.maxSessionDuration ?? 3600,
    tags: input.tags ?? [],
    inlinePolicies: {},
    managedPolicyArns: [],
  };
  account.roles[role.name] = role;
  store.markChanged();
  return role;
}

export function attachPolicy(store: Store, account: Account, role: Role, policyArn: string): void {
  if (!account.policies[policyArn] && !awsManagedPolicy(policyArn)) {
    throw new AwsError("NoSuchEntity", `Policy ${policyArn} does not exist or is not attachable.`, 404);
  }
  if (!role.managedPolicyArns.includes(policyArn)) role.managedPolicyArns.push(policyArn);
  store.markChanged();
}

/** Renders a role as GetRole returns it, with the trust policy as URL-encoded JSON like AWS's API. */
export function renderRole(role: Role, detail: boolean): object {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: new Date(role.createdAt),
    AssumeRolePolicyDocument: encodeURIComponent(role.assumeRolePolicy),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    Tags: detail && role.tags.length > 0 ? role.tags : undefined,
    RoleLastUsed: detail ? {} : undefined,
  };
}
