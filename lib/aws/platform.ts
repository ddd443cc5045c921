import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { stsClient } from "./clients";
import { awsSettings } from "./config";

export interface PlatformPrincipal {
  arn: string;
  accountId: string;
}

let cached: { key: string; principal: Promise<PlatformPrincipal> } | undefined;

/**
 * Returns the portal's own AWS identity, which integration roles trust. XOPS_PLATFORM_PRINCIPAL_ARN
 * overrides it, for a role with a path: an assumed-role ARN does not carry the role's path.
 */
export function getPlatformPrincipal(): Promise<PlatformPrincipal> {
  const { partition, endpoint } = awsSettings();
  const override = process.env.XOPS_PLATFORM_PRINCIPAL_ARN;
  const key = `${partition}|${endpoint}|${override}|${process.env.AWS_ACCESS_KEY_ID}`;
  if (cached?.key === key) return cached.principal;

  const principal = (async () => {
    if (override) return { arn: override, accountId: override.split(":")[4] ?? "" };
    const identity = await stsClient(partition).send(new GetCallerIdentityCommand({}));
    return { arn: toTrustablePrincipal(identity.Arn ?? ""), accountId: identity.Account ?? "" };
  })();
  principal.catch(() => {
    if (cached?.key === key) cached = undefined;
  });
  cached = { key, principal };
  return principal;
}

/** Turns an STS assumed-role session ARN into the IAM role ARN a trust policy can name. */
function toTrustablePrincipal(callerArn: string): string {
  const match = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  if (!match) return callerArn;
  return `arn:${match[1]}:iam::${match[2]}:role/${match[3]}`;
}
