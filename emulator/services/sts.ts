/** AWS Security Token Service: AssumeRole with trust policy enforcement, and GetCallerIdentity. */
import type { CallContext, ServiceDefinition } from "../context";
import { AwsError, validationError } from "../errors";
import { identityStatements } from "../identity";
import * as ids from "../ids";
import { looksLikeArn, parseRoleArn } from "../partitions";
import { evaluate, parsePolicy } from "../policy";
import type { Params } from "../protocol";
import { integerParam, stringParam } from "../protocol";
import type { Role } from "../types";
import { PATTERNS, validate } from "../validation";

/** Sessions expired for longer than this are dropped from the state when a new one is created. */
const EXPIRED_SESSION_RETENTION_MS = 24 * 3600 * 1000;

/** AWS limits a session obtained by role chaining (a role session assuming a role) to one hour. */
const ROLE_CHAINING_MAX_SECONDS = 3600;

function assumeRole(context: CallContext, params: Params): object {
  const roleArn = stringParam(params, "RoleArn");
  const sessionName = stringParam(params, "RoleSessionName");
  const externalId = stringParam(params, "ExternalId");
  const durationSeconds = integerParam(params, "DurationSeconds");
  validate([
    { member: "roleArn", value: roleArn, required: true, minLength: 20, maxLength: 2048, ...PATTERNS.arn },
    { member: "roleSessionName", value: sessionName, required: true, minLength: 2, maxLength: 64, ...PATTERNS.roleSessionName },
    { member: "externalId", value: externalId, minLength: 2, maxLength: 1224, ...PATTERNS.externalId },
    { member: "durationSeconds", value: durationSeconds, min: 900, max: 43200 },
  ]);

  const role = findAssumableRole(context, roleArn!, externalId, sessionName!);
  const { principal, store } = context;
  const duration = durationSeconds ?? 3600;
  if (principal.role && duration > ROLE_CHAINING_MAX_SECONDS) {
    throw validationError("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  }
  if (duration > role.maxSessionDuration) {
    throw validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }

  const now = store.now();
  pruneExpiredSessions(context, now);
  const accountId = parseRoleArn(role.arn)!.accountId;
  const key = {
    accessKeyId: ids.uniqueId("ASIA"),
    secretAccessKey: ids.secretAccessKey(),
    partition: principal.partition,
    accountId,
    session: {
      roleName: role.name,
      roleArn: role.arn,
      roleId: role.roleId,
      sessionName: sessionName!,
      sessionToken: ids.sessionToken(),
      expiresAt: now + duration * 1000,
    },
  };
  store.data.accessKeys[key.accessKeyId] = key;
  store.markChanged();

  return {
    Credentials: {
      AccessKeyId: key.accessKeyId,
      SecretAccessKey: key.secretAccessKey,
      SessionToken: key.session.sessionToken,
      Expiration: new Date(key.session.expiresAt),
    },
    // The assumed-role ARN names the role without its path, unlike the role ARN.
    AssumedRoleUser: {
      AssumedRoleId: `${role.roleId}:${sessionName}`,
      Arn: `arn:${principal.partition}:sts::${accountId}:assumed-role/${role.name}/${sessionName}`,
    },
  };
}

/**
 * Returns the role if the caller may assume it. A malformed or missing role, a missing account, an
 * untrusted caller, a failed condition and a role still propagating all get the same AccessDenied,
 * as in AWS, so that callers cannot probe which roles exist.
 */
function findAssumableRole(context: CallContext, roleArn: string, externalId: string | undefined, sessionName: string): Role {
  const { principal, store } = context;
  const denied = new AwsError(
    "AccessDenied",
    `User: ${principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    403,
  );

  const parts = parseRoleArn(roleArn);
  // STS rejects a well-formed ARN of something other than a role (an OIDC provider or a
  // certificate, for example) as invalid, but returns AccessDenied for text that is not an ARN.
  if (!parts && looksLikeArn(roleArn)) throw validationError("Request ARN is invalid");
  if (!parts) throw denied;

  if (parts.partition !== principal.partition) throw denied;
  const role = store.account(principal.partition, parts.accountId)?.roles[parts.name];
  if (!role || role.arn !== roleArn) throw denied;
  if (role.assumableAfter !== undefined && store.now() < role.assumableAfter) throw denied;

  const caller = {
    partition: principal.partition,
    accountId: principal.accountId,
    arn: principal.arn,
    roleArn: principal.role?.arn,
  };
  const trust = parsePolicy(role.assumeRolePolicy);
  const request = {
    action: "sts:AssumeRole",
    resource: role.arn,
    caller,
    context: {
      "sts:externalid": externalId,
      "sts:rolesessionname": sessionName,
      "aws:principalarn": principal.role?.arn ?? principal.arn,
      "aws:principalaccount": principal.accountId,
      "aws:principaltype": principal.role ? "AssumedRole" : "User",
    },
  };
  if (evaluate(trust, request) !== "allow") throw denied;

  // The caller's own policies must allow sts:AssumeRole too, unless the trust policy names the caller
  // itself (not its account) and the role is in the caller's account, because then the trust policy suffices.
  const identity = evaluate(identityStatements(store, principal), { action: "sts:AssumeRole", resource: role.arn, context: {} });
  if (identity === "explicitDeny") throw denied;
  if (identity === "implicitDeny") {
    const sameAccount = parts.accountId === principal.accountId;
    const namedCaller = evaluate(trust, { ...request, caller: { ...caller, accountId: "" } }) === "allow";
    if (!sameAccount || !namedCaller) throw denied;
  }
  return role;
}

function pruneExpiredSessions(context: CallContext, now: number): void {
  const keys = context.store.data.accessKeys;
  for (const [id, key] of Object.entries(keys)) {
    if (key.session && key.session.expiresAt < now - EXPIRED_SESSION_RETENTION_MS) delete keys[id];
  }
}

/** GetCallerIdentity needs no permission. AWS returns the identity even when a policy denies the action explicitly. */
function getCallerIdentity(context: CallContext): object {
  const { principal } = context;
  return { UserId: principal.userId, Account: principal.accountId, Arn: principal.arn };
}

function refuseDisabledRegion(context: CallContext): void {
  if (!context.store.data.faults.stsDisabledRegions.includes(context.region)) return;
  throw new AwsError(
    "RegionDisabledException",
    `STS is not activated in this region for account:${context.principal.accountId}. Your account administrator can activate STS in this region using the IAM Console.`,
    403,
  );
}

export const sts: ServiceDefinition = {
  signingName: "sts",
  version: "2011-06-15",
  xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/",
  operations: { AssumeRole: assumeRole, GetCallerIdentity: getCallerIdentity },
  beforeOperation: refuseDisabledRegion,
};
