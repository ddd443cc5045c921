/** AWS Identity and Access Management: the role operations the portal and its tests use. */
import type { CallContext, ServiceDefinition } from "../context";
import { authorize } from "../context";
import { AwsError } from "../errors";
import type { Params } from "../protocol";
import { integerParam, listParam, stringParam } from "../protocol";
import { attachPolicy, checkPolicyDocument, createRole, getRole, renderRole } from "../roles";
import type { Account, Tag } from "../types";
import { PATTERNS, validate } from "../validation";

function callerAccount(context: CallContext): Account {
  const { principal, store } = context;
  const account = store.account(principal.partition, principal.accountId);
  if (!account) throw new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
  return account;
}

/** Validates RoleName and authorizes the action on the role, which need not exist yet. */
function authorizeOnRole(context: CallContext, action: string, params: Params, messageAsName: boolean): string {
  const name = stringParam(params, "RoleName");
  validate([{ member: "roleName", value: name, required: true, minLength: 1, maxLength: 64, ...PATTERNS.roleName }]);

  const account = callerAccount(context);
  const arn = account.roles[name!]?.arn ?? `arn:${account.partition}:iam::${account.id}:role/${name}`;
  // AccessDenied names the resource "role <name>" for GetRole, and the role ARN for writes.
  authorize(context, action, arn, messageAsName ? `role ${name}` : arn);
  return name!;
}

function getRoleOperation(context: CallContext, params: Params): object {
  const name = authorizeOnRole(context, "iam:GetRole", params, true);
  return { Role: renderRole(getRole(callerAccount(context), name), true) };
}

function createRoleOperation(context: CallContext, params: Params): object {
  const path = stringParam(params, "Path");
  const document = stringParam(params, "AssumeRolePolicyDocument");
  const maxSessionDuration = integerParam(params, "MaxSessionDuration");
  validate([
    { member: "path", value: path, minLength: 1, maxLength: 512, ...PATTERNS.path },
    { member: "assumeRolePolicyDocument", value: document, required: true, minLength: 1, maxLength: 131072 },
    { member: "maxSessionDuration", value: maxSessionDuration, min: 3600, max: 43200 },
  ]);
  const name = authorizeOnRole(context, "iam:CreateRole", params, false);

  const role = createRole(context.store, callerAccount(context), {
    name,
    path,
    assumeRolePolicy: document!,
    description: stringParam(params, "Description"),
    maxSessionDuration,
    tags: listParam<Tag>(params, "Tags"),
  });
  return { Role: renderRole(role, false) };
}

function deleteRoleOperation(context: CallContext, params: Params): undefined {
  const name = authorizeOnRole(context, "iam:DeleteRole", params, false);
  const account = callerAccount(context);
  const role = getRole(account, name);

  if (role.managedPolicyArns.length > 0) {
    throw new AwsError("DeleteConflict", "Cannot delete entity, must detach all policies first.", 409);
  }
  if (Object.keys(role.inlinePolicies).length > 0) {
    throw new AwsError("DeleteConflict", "Cannot delete entity, must delete policies first.", 409);
  }
  delete account.roles[name];
  context.store.markChanged();
  return undefined;
}

function putRolePolicyOperation(context: CallContext, params: Params): undefined {
  const policyName = stringParam(params, "PolicyName");
  const document = stringParam(params, "PolicyDocument");
  validate([
    { member: "policyName", value: policyName, required: true, minLength: 1, maxLength: 128, ...PATTERNS.policyName },
    { member: "policyDocument", value: document, required: true, minLength: 1, maxLength: 131072 },
  ]);
  const name = authorizeOnRole(context, "iam:PutRolePolicy", params, false);
  const role = getRole(callerAccount(context), name);

  checkPolicyDocument(document!);
  role.inlinePolicies[policyName!] = document!;
  context.store.markChanged();
  return undefined;
}

function deleteRolePolicyOperation(context: CallContext, params: Params): undefined {
  const policyName = stringParam(params, "PolicyName") ?? "";
  const name = authorizeOnRole(context, "iam:DeleteRolePolicy", params, false);
  const role = getRole(callerAccount(context), name);

  if (!(policyName in role.inlinePolicies)) {
    throw new AwsError("NoSuchEntity", `The role policy with name ${policyName} cannot be found.`, 404);
  }
  delete role.inlinePolicies[policyName];
  context.store.markChanged();
  return undefined;
}

function attachRolePolicyOperation(context: CallContext, params: Params): undefined {
  const name = authorizeOnRole(context, "iam:AttachRolePolicy", params, false);
  const account = callerAccount(context);
  attachPolicy(context.store, account, getRole(account, name), stringParam(params, "PolicyArn") ?? "");
  return undefined;
}

function detachRolePolicyOperation(context: CallContext, params: Params): undefined {
  const name = authorizeOnRole(context, "iam:DetachRolePolicy", params, false);
  const role = getRole(callerAccount(context), name);
  const policyArn = stringParam(params, "PolicyArn") ?? "";

  if (!role.managedPolicyArns.includes(policyArn)) {
    throw new AwsError("NoSuchEntity", `Policy ${policyArn} was not found.`, 404);
  }
  role.managedPolicyArns = role.managedPolicyArns.filter((arn) => arn !== policyArn);
  context.store.markChanged();
  return undefined;
}

export const iam: ServiceDefinition = {
  signingName: "iam",
  version: "2010-05-08",
  xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/",
  operations: {
    GetRole: getRoleOperation,
    CreateRole: createRoleOperation,
    DeleteRole: deleteRoleOperation,
    PutRolePolicy: putRolePolicyOperation,
    DeleteRolePolicy: deleteRolePolicyOperation,
    AttachRolePolicy: attachRolePolicyOperation,
    DetachRolePolicy: detachRolePolicyOperation,
  },
};
