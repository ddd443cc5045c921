import { parse as parseArn, validate as isArn } from "@aws-sdk/util-arn-parser";
import { isPartition, type Partition } from "./partitions";

export interface RoleArn {
  arn: string;
  partition: Partition;
  accountId: string;
  path: string;
  roleName: string;
}

export type RoleArnResult = { ok: true; value: RoleArn } | { ok: false; message: string };

// Characters a copy from the console or a terminal leaves at the ends: spaces, tabs, CR/LF,
// no-break spaces and zero-width characters. Only the ends are trimmed; inside, any of them is an error.
const EDGE_WHITESPACE = /^[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+|[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+$/g;
const INNER_INVALID = /[\s\u0000-\u001f\u007f-\u009f\u00a0\u200b-\u200f\u2028-\u202f\u2060\ufeff]/u;

// IAM limits: role name 1-64 of [\w+=,.@-]. The path is "/" alone, or starts and ends with "/" with at
// least one printable ASCII character from "!" to "~" between, at most 512 characters in all.
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_PATH = /^\/(?:[\x21-\x7e]+\/)?$/;
const ROLE_ARN_EXAMPLE = "arn:aws:iam::111122223333:role/XOps360Integration";

/** Trims the ends of a pasted value the way the Role ARN field does. */
export function normalizePasted(value: string): string {
  return value.replace(EDGE_WHITESPACE, "");
}

/** Validates a pasted AWS Role ARN and splits it into its parts, with a message for each kind of mistake. */
export function parseRoleArn(input: string): RoleArnResult {
  const arn = normalizePasted(input);
  if (arn === "") return fail(`AWS Role ARN is required. Paste the RoleArn output of the stack, for example ${ROLE_ARN_EXAMPLE}.`);
  if (INNER_INVALID.test(arn)) {
    return fail("AWS Role ARN contains a space or control character inside it. Copy the RoleArn output again without line breaks or spaces.");
  }
  if (!isArn(arn)) return fail(`AWS Role ARN must start with "arn:" and have the form ${ROLE_ARN_EXAMPLE}.`);

  const parts = parseArn(arn);
  const wrongKind = describeWrongKind(parts.service, parts.resource);
  if (wrongKind) return fail(wrongKind);
  if (!isPartition(parts.partition)) {
    return fail(`AWS Role ARN has the unknown partition "${parts.partition}". Use aws, aws-cn or aws-us-gov.`);
  }
  if (parts.region !== "") return fail("AWS Role ARN must not contain a region: IAM role ARNs look like arn:aws:iam::111122223333:role/Name.");
  if (!/^\d{12}$/.test(parts.accountId)) {
    return fail(`AWS Role ARN must contain a 12-digit AWS account ID, but it contains "${parts.accountId}". Copy the RoleArn output of the stack.`);
  }

  const resource = parts.resource.slice("role".length);
  const lastSlash = resource.lastIndexOf("/");
  const rolePath = resource.slice(0, lastSlash + 1);
  const roleName = resource.slice(lastSlash + 1);
  if (!ROLE_PATH.test(rolePath) || rolePath.length > 512) {
    return fail(`AWS Role ARN has an invalid role path "${rolePath}": it must be "/" alone, or start and end with "/" with at least one printable character between, at most 512 characters in all.`);
  }
  if (!ROLE_NAME.test(roleName)) {
    return fail(`AWS Role ARN has an invalid role name "${roleName}": it must be 1 to 64 letters, digits or the characters + = , . @ _ -.`);
  }

  return {
    ok: true,
    value: { arn, partition: parts.partition, accountId: parts.accountId, path: rolePath, roleName },
  };
}

function describeWrongKind(service: string, resource: string): string | undefined {
  if (service === "sts" && resource.startsWith("assumed-role/")) {
    return "AWS Role ARN is an STS assumed-role session ARN (arn:aws:sts::…:assumed-role/…), not the role itself. Paste the RoleArn output of the stack, which starts with arn:aws:iam:: and contains :role/.";
  }
  if (service === "iam" && resource.startsWith("user/")) {
    return "AWS Role ARN names an IAM user, not a role. The portal connects through the role the stack created: paste the stack's RoleArn output.";
  }
  if (service === "iam" && resource.startsWith("instance-profile/")) {
    return "AWS Role ARN names an instance profile, not a role. Paste the stack's RoleArn output, which contains :role/ instead of :instance-profile/.";
  }
  if (service !== "iam" || !resource.startsWith("role/")) {
    return `AWS Role ARN must be an IAM role ARN (service "iam", resource "role/…"), for example ${ROLE_ARN_EXAMPLE}.`;
  }
  return undefined;
}

function fail(message: string): RoleArnResult {
  return { ok: false, message };
}
