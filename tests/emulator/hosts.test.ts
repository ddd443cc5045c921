import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { EmulatorControl, PlatformPrincipal } from "@/emulator/client";
import type { RunningEmulator } from "@/emulator/server";

import type { Credentials } from "./helpers";
import { sendSigned, startTestEmulator } from "./helpers";

let emulator: RunningEmulator;
let control: EmulatorControl;
const platforms: Record<string, PlatformPrincipal> = {};

beforeAll(async () => {
  ({ emulator, control } = await startTestEmulator());
  for (const partition of ["aws", "aws-cn", "aws-us-gov"] as const) platforms[partition] = await control.platform(partition);
});

afterAll(async () => {
  await emulator.close();
});

const GET_CALLER_IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15";
const GET_ROLE = "Action=GetRole&RoleName=Missing&Version=2010-05-08";
const LIST_STACKS = "Action=ListStacks&Version=2010-05-15";

function call(credentials: Credentials, host: string, service: string, region: string, body: string, target?: string) {
  return sendSigned(emulator.endpoint, credentials, { host, service, region, body, target });
}

describe("endpoint host names", () => {
  it.each([
    ["sts.us-east-1.amazonaws.com", "aws", "us-east-1"],
    ["sts.amazonaws.com", "aws", "us-east-1"],
    ["sts.cn-north-1.amazonaws.com.cn", "aws-cn", "cn-north-1"],
    ["sts.us-gov-west-1.amazonaws.com", "aws-us-gov", "us-gov-west-1"],
    ["sts-fips.us-east-2.amazonaws.com:443", "aws", "us-east-2"],
  ])("serves STS at %s", async (host, partition, region) => {
    const response = await call(platforms[partition]!, host, "sts", region, GET_CALLER_IDENTITY);

    expect(response.status).toBe(200);
    expect(response.body).toContain(`<Arn>arn:${partition}:iam::123456789012:user/xops-portal</Arn>`);
  });

  it.each([
    ["iam.amazonaws.com", "aws", "us-east-1"],
    ["iam.cn-north-1.amazonaws.com.cn", "aws-cn", "cn-north-1"],
    ["iam.us-gov.amazonaws.com", "aws-us-gov", "us-gov-west-1"],
  ])("serves IAM at %s", async (host, partition, region) => {
    const account = await control.createAccount({ partition: partition as "aws" });

    const response = await call(account, host, "iam", region, GET_ROLE);

    expect(response.status).toBe(404);
    expect(response.body).toContain("<Code>NoSuchEntity</Code>");
  });

  it("serves CloudFormation at a regional host", async () => {
    const account = await control.createAccount();

    const response = await call(account, "cloudformation.eu-west-1.amazonaws.com", "cloudformation", "eu-west-1", LIST_STACKS);

    expect(response.status).toBe(200);
    expect(response.body).toContain("<ListStacksResult>");
  });

  it("serves Organizations at its host", async () => {
    const organization = await control.createOrganization({ members: 0 });

    const response = await call(organization.managementAccount, "organizations.us-east-1.amazonaws.com", "organizations", "us-east-1", "{}", "AWSOrganizationsV20161128.DescribeOrganization");

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).Organization.Id).toBe(organization.organizationId);
  });

  it("rejects a scope of another partition than the host", async () => {
    const response = await call(platforms.aws!, "sts.cn-north-1.amazonaws.com.cn", "sts", "us-east-1", GET_CALLER_IDENTITY);

    expect(response.status).toBe(403);
    expect(response.body).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(response.body).toContain("<Message>Credential should be scoped to a valid region, not 'us-east-1'. </Message>");
  });

  it("rejects a GovCloud scope at a commercial host", async () => {
    const response = await call(platforms["aws-us-gov"]!, "sts.us-east-1.amazonaws.com", "sts", "us-gov-west-1", GET_CALLER_IDENTITY);

    expect(response.status).toBe(403);
    expect(response.body).toContain("Credential should be scoped to a valid region, not 'us-gov-west-1'. ");
  });

  it("rejects another region at the global IAM host", async () => {
    const account = await control.createAccount();

    const response = await call(account, "iam.amazonaws.com", "iam", "eu-west-1", GET_ROLE);

    expect(response.status).toBe(403);
    expect(response.body).toContain("Credential should be scoped to a valid region, not 'eu-west-1'. ");
  });

  it("rejects a scope of another service", async () => {
    const response = await call(platforms.aws!, "sts.us-east-1.amazonaws.com", "iam", "us-east-1", GET_CALLER_IDENTITY);

    expect(response.status).toBe(403);
    expect(response.body).toContain("Credential should be scoped to correct service: 'sts'. ");
  });

  it("names the scope error InvalidSignatureException for Organizations", async () => {
    const organization = await control.createOrganization({ members: 0 });

    const response = await call(organization.managementAccount, "organizations.us-east-1.amazonaws.com", "organizations", "eu-west-1", "{}", "AWSOrganizationsV20161128.DescribeOrganization");

    expect(response.status).toBe(403);
    expect(JSON.parse(response.body).__type).toBe("InvalidSignatureException");
  });

  it("rejects keys of another partition at a matching host", async () => {
    const response = await call(platforms.aws!, "sts.cn-north-1.amazonaws.com.cn", "sts", "cn-north-1", GET_CALLER_IDENTITY);

    expect(response.status).toBe(403);
    expect(response.body).toContain("<Code>InvalidClientTokenId</Code>");
  });

  it("serves every partition at a loopback host", async () => {
    const response = await call(platforms["aws-cn"]!, "127.0.0.1", "sts", "cn-north-1", GET_CALLER_IDENTITY);

    expect(response.status).toBe(200);
    expect(response.body).toContain("arn:aws-cn:iam::123456789012:user/xops-portal");
  });
});
