import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import { awsSettings } from "./config";
import { PARTITIONS, regionForPartition, type Partition } from "./partitions";

// Throttled calls ("Rate exceeded") are retried by the SDK's standard strategy with backoff.
const MAX_ATTEMPTS = 5;

function baseConfig(region: string, credentials?: AwsCredentialIdentity) {
  return {
    region,
    endpoint: awsSettings().endpoint,
    credentials,
    maxAttempts: MAX_ATTEMPTS,
    retryMode: "standard" as const,
  };
}

/** STS at the partition's regional endpoint, as the platform principal unless credentials are given. */
export function stsClient(partition: Partition, credentials?: AwsCredentialIdentity): STSClient {
  return new STSClient(baseConfig(regionForPartition(partition), credentials));
}

/** IAM is global; its requests are signed for the partition's main region. */
export function iamClient(partition: Partition, credentials: AwsCredentialIdentity): IAMClient {
  return new IAMClient(baseConfig(regionForPartition(partition), credentials));
}

/** CloudFormation in the stack's own region. */
export function cloudFormationClient(region: string, credentials: AwsCredentialIdentity): CloudFormationClient {
  return new CloudFormationClient(baseConfig(region, credentials));
}

/** Organizations at its single endpoint of the partition. */
export function organizationsClient(partition: Partition, credentials: AwsCredentialIdentity): OrganizationsClient {
  return new OrganizationsClient(baseConfig(PARTITIONS[partition].organizationsRegion, credentials));
}
