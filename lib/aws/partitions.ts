/** AWS partitions the portal supports, with the region used for global and regional calls in each. */
// Organizations has one endpoint per partition, in the region given here.
export const PARTITIONS = {
  aws: { defaultRegion: "us-east-1", organizationsRegion: "us-east-1", consoleHost: "console.aws.amazon.com" },
  "aws-cn": { defaultRegion: "cn-north-1", organizationsRegion: "cn-northwest-1", consoleHost: "console.amazonaws.cn" },
  "aws-us-gov": { defaultRegion: "us-gov-west-1", organizationsRegion: "us-gov-west-1", consoleHost: "console.amazonaws-us-gov.com" },
} as const;

export type Partition = keyof typeof PARTITIONS;

export function isPartition(value: string): value is Partition {
  return Object.hasOwn(PARTITIONS, value);
}

/** Returns the partition a region belongs to, so credentials and ARNs never cross partitions. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/**
 * Returns the region for STS and IAM calls in a partition. An explicit region is always given to the
 * SDK, because a process without AWS_REGION otherwise fails with "Region is missing".
 */
export function regionForPartition(partition: Partition): string {
  const override = process.env[`XOPS_AWS_REGION_${partition.toUpperCase().replace(/-/g, "_")}`];
  return override || PARTITIONS[partition].defaultRegion;
}
