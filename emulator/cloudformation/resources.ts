/** Resource types a stack can create: AWS::IAM::Role, AWS::IAM::ManagedPolicy and AWS::IAM::Policy. */
import { randomInt } from "node:crypto";

import { AwsError } from "../errors";
import * as ids from "../ids";
import { attachPolicy, createRole, getRole } from "../roles";
import type { Store } from "../state";
import type { Account, Stack, Tag } from "../types";
import { TemplateError } from "./intrinsics";

export interface ProvisionContext {
  store: Store;
  account: Account;
  stack: Stack;
  /** Epoch ms at which the stack completes, used as the creation time of its resources. */
  time: number;
}

export interface Provisioned {
  physicalId: string;
  attributes: Record<string, string>;
}

interface ResourceHandler {
  create(context: ProvisionContext, logicalId: string, properties: Record<string, unknown>): Provisioned;
  delete(context: ProvisionContext, physicalId: string, properties: Record<string, unknown>): void;
}

/** Builds a name like CloudFormation's `<stack>-<logical ID>-<random>`, cut to the type's maximum length. */
function generatedName(stack: Stack, logicalId: string, maxLength: number): string {
  let suffix = "";
  for (let i = 0; i < 12; i++) suffix += "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[randomInt(36)];
  const prefix = `${stack.name}-${logicalId}`.slice(0, maxLength - suffix.length - 1);
  return `${prefix}-${suffix}`;
}

function policyText(document: unknown): string {
  return typeof document === "string" ? document : JSON.stringify(document);
}

function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

const role: ResourceHandler = {
  create(context, logicalId, properties) {
    const name = properties.RoleName === undefined ? generatedName(context.stack, logicalId, 64) : String(properties.RoleName);
    const existing = Object.keys(context.account.roles).some((roleName) => roleName.toLowerCase() === name.toLowerCase());
    if (existing) throw new TemplateError(`${name} already exists`);

    const created = createRole(context.store, context.account, {
      name,
      path: properties.Path === undefined ? undefined : String(properties.Path),
      assumeRolePolicy: policyText(properties.AssumeRolePolicyDocument),
      description: properties.Description === undefined ? undefined : String(properties.Description),
      maxSessionDuration: properties.MaxSessionDuration === undefined ? undefined : Number(properties.MaxSessionDuration),
      tags: (properties.Tags as Tag[] | undefined)?.map((tag) => ({ Key: String(tag.Key), Value: String(tag.Value) })),
    });
    created.createdAt = context.time;
    const propagationMs = context.store.data.faults.iamPropagationSeconds * 1000;
    if (propagationMs > 0) created.assumableAfter = context.time + propagationMs;

    try {
      const policies = (properties.Policies ?? []) as { PolicyName: string; PolicyDocument: unknown }[];
      for (const policy of policies) created.inlinePolicies[String(policy.PolicyName)] = policyText(policy.PolicyDocument);
      for (const arn of stringList(properties.ManagedPolicyArns)) attachPolicy(context.store, context.account, created, arn);
    } catch (error) {
      // CloudFormation does not leave a half-configured role behind.
      delete context.account.roles[created.name];
      throw error;
    }

    return { physicalId: created.name, attributes: { Arn: created.arn, RoleId: created.roleId } };
  },
  delete(context, physicalId) {
    delete context.account.roles[physicalId];
  },
};

const managedPolicy: ResourceHandler = {
  create(context, logicalId, properties) {
    const { account } = context;
    const name =
      properties.ManagedPolicyName === undefined ? generatedName(context.stack, logicalId, 128) : String(properties.ManagedPolicyName);
    const path = properties.Path === undefined ? "/" : String(properties.Path);
    const arn = `arn:${account.partition}:iam::${account.id}:policy${path}${name}`;
    if (account.policies[arn]) throw new TemplateError(`A policy called ${name} already exists. Duplicate names are not allowed.`);

    const policyId = ids.uniqueId("ANPA");
    account.policies[arn] = { arn, name, path, policyId, document: policyText(properties.PolicyDocument), createdAt: context.time };
    for (const roleName of stringList(properties.Roles)) attachPolicy(context.store, account, getRole(account, roleName), arn);
    return { physicalId: arn, attributes: { PolicyArn: arn, PolicyId: policyId } };
  },
  delete(context, physicalId) {
    for (const attachedRole of Object.values(context.account.roles)) {
      attachedRole.managedPolicyArns = attachedRole.managedPolicyArns.filter((arn) => arn !== physicalId);
    }
    delete context.account.policies[physicalId];
  },
};

const inlinePolicy: ResourceHandler = {
  create(context, logicalId, properties) {
    const roles = stringList(properties.Roles).map((roleName) => getRole(context.account, roleName));
    for (const target of roles) target.inlinePolicies[String(properties.PolicyName)] = policyText(properties.PolicyDocument);
    return { physicalId: generatedName(context.stack, logicalId, 128), attributes: {} };
  },
  delete(context, _physicalId, properties) {
    for (const roleName of stringList(properties.Roles)) {
      const target = context.account.roles[roleName];
      if (target) delete target.inlinePolicies[String(properties.PolicyName)];
    }
  },
};

export const RESOURCE_HANDLERS: Record<string, ResourceHandler> = {
  "AWS::IAM::Role": role,
  "AWS::IAM::ManagedPolicy": managedPolicy,
  "AWS::IAM::Policy": inlinePolicy,
};

/** Runs a resource handler and turns AWS errors (a missing role, an unknown policy) into a status reason. */
export function provision(
  context: ProvisionContext,
  type: string,
  logicalId: string,
  properties: Record<string, unknown>,
): Provisioned {
  const handler = RESOURCE_HANDLERS[type];
  if (!handler) throw new TemplateError(`Resource type ${type} is not supported by the XOps 360 AWS emulator`);
  try {
    return handler.create(context, logicalId, properties);
  } catch (error) {
    if (error instanceof AwsError) throw new TemplateError(error.message);
    throw error;
  }
}

export function deprovision(context: ProvisionContext, type: string, physicalId: string, properties: Record<string, unknown>): void {
  RESOURCE_HANDLERS[type]?.delete(context, physicalId, properties);
  context.store.markChanged();
}
