/** Caller identity: resolution of an access key to a principal, and the principal's identity-based policies. */
import { AwsError, invalidClientTokenId } from "./errors";
import { awsManagedPolicy } from "./managed-policies";
import { partitionOfRegion } from "./partitions";
import type { Statement } from "./policy";
import { parsePolicy } from "./policy";
import type { Authorization, SignedRequest } from "./sigv4";
import { verifySignature } from "./sigv4";
import type { Store } from "./state";
import type { AccessKey, Account, Partition, Role } from "./types";

export interface Principal {
  partition: Partition;
  accountId: string;
  /** User ARN, or `arn:<partition>:sts::<account>:assumed-role/<role name>/<session name>`. */
  arn: string;
  /** Value of GetCallerIdentity's UserId: the user ID, or `<role ID>:<session name>`. */
  userId: string;
  admin: boolean;
  /** Set for role sessions. */
  role?: { name: string; arn: string; sessionName: string };
  key: AccessKey;
}

/** Checks the access key, session token and signature of a request and returns the caller. */
export async function authenticate(
  store: Store,
  request: SignedRequest,
  authorization: Authorization,
): Promise<Principal> {
  const key = store.data.accessKeys[authorization.accessKeyId];
  if (!key) throw invalidClientTokenId();
  // Credentials belong to one partition: a key from aws is unknown to aws-cn and aws-us-gov.
  if (key.partition !== partitionOfRegion(authorization.region)) throw invalidClientTokenId();

  const token = request.headers["x-amz-security-token"];
  if (key.session ? token !== key.session.sessionToken : token !== undefined) throw invalidClientTokenId();

  await verifySignature(request, authorization, key.secretAccessKey);

  if (key.session && store.now() >= key.session.expiresAt) {
    throw new AwsError("ExpiredToken", "The security token included in the request is expired", 403);
  }
  return principalOf(store, key);
}

function principalOf(store: Store, key: AccessKey): Principal {
  const base = { partition: key.partition, accountId: key.accountId, key };
  if (key.session) {
    const { roleName, roleArn, roleId, sessionName } = key.session;
    return {
      ...base,
      arn: `arn:${key.partition}:sts::${key.accountId}:assumed-role/${roleName}/${sessionName}`,
      userId: `${roleId}:${sessionName}`,
      admin: false,
      role: { name: roleName, arn: roleArn, sessionName },
    };
  }

  const user = store.account(key.partition, key.accountId)?.users[key.userName ?? ""];
  if (!user) throw invalidClientTokenId();
  return { ...base, arn: user.arn, userId: user.userId, admin: user.admin };
}

/** Collects the statements of every identity-based policy that applies to the principal. */
export function identityStatements(store: Store, principal: Principal): Statement[] {
  if (principal.admin) return [{ Effect: "Allow", Action: "*", Resource: "*" }];

  const account = store.account(principal.partition, principal.accountId);
  if (!account) return [];
  if (!principal.role) {
    const user = account.users[principal.key.userName ?? ""];
    return (user?.policies ?? []).flatMap(parsePolicy);
  }

  const role = account.roles[principal.role.name];
  // A session of a role that was deleted, or deleted and created again, keeps no permissions.
  if (!role || role.arn !== principal.role.arn || !principal.userId.startsWith(role.roleId)) return [];
  return roleStatements(account, role);
}

export function roleStatements(account: Account, role: Role): Statement[] {
  const inline = Object.values(role.inlinePolicies).flatMap(parsePolicy);
  const managed = role.managedPolicyArns.flatMap((arn) => {
    const customer = account.policies[arn];
    return customer ? parsePolicy(customer.document) : (awsManagedPolicy(arn) ?? []);
  });
  return [...inline, ...managed];
}
