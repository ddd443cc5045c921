/**
 * Real AWS endpoint host names in the Host header. A request sent to such a name (through a proxy or a
 * hosts-file entry) must be signed for that endpoint's service and region, as AWS requires.
 */
import { AwsError } from "./errors";
import { partitionOfRegion } from "./partitions";
import type { Authorization } from "./sigv4";
import type { Partition } from "./types";

export interface EndpointHost {
  /** Endpoint prefix, which is the signing name for STS, IAM, CloudFormation and Organizations. */
  service: string;
  /** Region the endpoint expects in the credential scope. */
  region: string;
  partition: Partition;
}

/** Global endpoints and the region their requests are signed for. */
const GLOBAL_ENDPOINTS: Record<string, { service: string; region: string }> = {
  "iam.amazonaws.com": { service: "iam", region: "us-east-1" },
  "sts.amazonaws.com": { service: "sts", region: "us-east-1" },
  "iam.us-gov.amazonaws.com": { service: "iam", region: "us-gov-west-1" },
};

const REGIONAL_ENDPOINT = /^([a-z0-9]+)(?:-fips)?\.([a-z]{2}(?:-gov)?-[a-z]+-\d+)\.(amazonaws\.com|amazonaws\.com\.cn)$/;

/**
 * Parses a host name of the form `<service>.<region>.amazonaws.com[.cn]` or a global endpoint, with an
 * optional port. Returns undefined for any other host, such as 127.0.0.1 or localhost, which the
 * emulator serves for every partition.
 */
export function parseEndpointHost(host: string | undefined): EndpointHost | undefined {
  if (host === undefined) return undefined;
  const name = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");

  const global = GLOBAL_ENDPOINTS[name];
  if (global) return { ...global, partition: partitionOfRegion(global.region) };

  const match = REGIONAL_ENDPOINT.exec(name);
  if (!match) return undefined;
  const [, service, region, suffix] = match;
  const partition = partitionOfRegion(region!);
  // China's regions exist only under amazonaws.com.cn, and every other region only under amazonaws.com.
  if ((partition === "aws-cn") !== (suffix === "amazonaws.com.cn")) return undefined;
  return { service: service!, region: region!, partition };
}

/**
 * Throws SignatureDoesNotMatch with AWS's message when the credential scope names another service or
 * region than the endpoint in the Host header. A scope of another partition is one such region.
 */
export function checkCredentialScope(host: string | undefined, authorization: Authorization): void {
  const endpoint = parseEndpointHost(host);
  if (!endpoint) return;

  // AWS ends both messages with a space.
  if (authorization.service !== endpoint.service) {
    throw new AwsError("SignatureDoesNotMatch", `Credential should be scoped to correct service: '${endpoint.service}'. `, 403);
  }
  if (authorization.region !== endpoint.region) {
    throw new AwsError("SignatureDoesNotMatch", `Credential should be scoped to a valid region, not '${authorization.region}'. `, 403);
  }
}
