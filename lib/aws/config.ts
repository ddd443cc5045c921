import { isPartition, type Partition } from "./partitions";

/** AWS settings of the portal process, read from the environment on each call so tests can change them. */
export interface AwsSettings {
  /** Endpoint override for every AWS service: the sandbox emulator, LocalStack, or unset for AWS itself. */
  endpoint: string | undefined;
  /** The partition the portal's own identity (the platform principal) lives in. */
  partition: Partition;
  /** How long connect keeps retrying AccessDenied from AssumeRole while IAM propagates a new role. */
  assumeRoleRetrySeconds: number;
  /** True when the portal runs against the local emulator in development. */
  sandbox: boolean;
}

export function awsSettings(): AwsSettings {
  const partition = process.env.XOPS_AWS_PARTITION ?? "aws";
  if (!isPartition(partition)) {
    throw new Error(`XOPS_AWS_PARTITION is "${partition}", expected aws, aws-cn or aws-us-gov`);
  }

  const retry = Number(process.env.XOPS_ASSUME_ROLE_RETRY_SECONDS ?? "20");
  return {
    endpoint: process.env.XOPS_AWS_ENDPOINT_URL || undefined,
    partition,
    assumeRoleRetrySeconds: Number.isFinite(retry) && retry >= 0 ? retry : 20,
    // The emulator is a development tool: a production build never treats AWS as a sandbox.
    sandbox: process.env.XOPS_SANDBOX === "1" && process.env.NODE_ENV !== "production",
  };
}
