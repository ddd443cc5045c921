import type { Partition } from "./types";

export function partitionOfRegion(region: string): Partition {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export function isPartition(value: unknown): value is Partition {
  return value === "aws" || value === "aws-cn" || value === "aws-us-gov";
}

export function urlSuffix(partition: Partition): string {
  return partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

export interface RoleArnParts {
  partition: string;
  accountId: string;
  path: string;
  name: string;
}

/** Splits `arn:<partition>:iam::<account>:role/<path/><name>`, or returns undefined for any other text. */
export function parseRoleArn(arn: string): RoleArnParts | undefined {
  const match = /^arn:([a-z-]+):iam::(\d{12}):role(\/(?:[\u0021-\u007f]+\/)?)([\w+=,.@-]{1,64})$/.exec(arn);
  if (!match) return undefined;

  const [, partition, accountId, path, name] = match;
  return { partition: partition!, accountId: accountId!, path: path!, name: name! };
}

/** Returns true when the text has the general ARN form `arn:partition:service:region:account:resource`. */
export function looksLikeArn(text: string): boolean {
  return /^arn:[^:\s]+:[^:\s]*:[^:\s]*:[^:\s]*:.+$/.test(text);
}
