import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { Account } from "@aws-sdk/client-organizations";
import { DescribeAccountCommand, DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { CreatedOrganization, EmulatorControl, PlatformPrincipal } from "@/emulator/client";
import { EmulatorControlError } from "@/emulator/client";
import type { RunningEmulator } from "@/emulator/server";

import type { Credentials } from "./helpers";
import { clients, rejection, sendSigned, startTestEmulator } from "./helpers";

let emulator: RunningEmulator;
let control: EmulatorControl;
let platform: PlatformPrincipal;

beforeAll(async () => {
  ({ emulator, control } = await startTestEmulator());
  platform = await control.platform("aws");
});

afterEach(async () => {
  await control.setFaults({ throttleRate: 0, throttleServices: [] });
});

afterAll(async () => {
  await emulator.close();
});

function organizationsAs(credentials: Credentials, region = "us-east-1") {
  return clients(emulator.endpoint, credentials, region).organizations;
}

async function listAll(client: OrganizationsClient, maxResults?: number) {
  const accounts: Account[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new ListAccountsCommand({ NextToken: nextToken, MaxResults: maxResults }));
    accounts.push(...(page.Accounts ?? []));
    nextToken = page.NextToken;
    pages++;
  } while (nextToken !== undefined);
  return { accounts, pages };
}

const NOT_ALLOWED = "You don't have permissions to access this resource.";

describe("DescribeOrganization", () => {
  it("returns the organization to its management account", async () => {
    const organization = await control.createOrganization({ members: 2 });
    const management = organization.managementAccount;

    const { Organization } = await organizationsAs(management).send(new DescribeOrganizationCommand({}));

    expect(organization.organizationId).toMatch(/^o-[a-z0-9]{10}$/);
    expect(Organization).toEqual({
      Id: organization.organizationId,
      Arn: `arn:aws:organizations::${management.accountId}:organization/${organization.organizationId}`,
      FeatureSet: "ALL",
      MasterAccountArn: `arn:aws:organizations::${management.accountId}:account/${organization.organizationId}/${management.accountId}`,
      MasterAccountId: management.accountId,
      MasterAccountEmail: management.email,
      AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
    });
  });

  it("returns the organization to a member", async () => {
    const organization = await control.createOrganization({ members: 1 });

    const { Organization } = await organizationsAs(organization.members[0]!).send(new DescribeOrganizationCommand({}));

    expect(Organization?.MasterAccountId).toBe(organization.managementAccount.accountId);
  });

  it("rejects a standalone account", async () => {
    const standalone = await control.createAccount();

    const error = await rejection(organizationsAs(standalone).send(new DescribeOrganizationCommand({})));

    expect(error.name).toBe("AWSOrganizationsNotInUseException");
    expect(error.message).toBe("Your account is not a member of an organization.");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("sends the message under the key Message", async () => {
    const standalone = await control.createAccount();

    const response = await sendSigned(emulator.endpoint, standalone, {
      host: "organizations.us-east-1.amazonaws.com",
      service: "organizations",
      region: "us-east-1",
      target: "AWSOrganizationsV20161128.DescribeOrganization",
      body: "{}",
    });

    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      __type: "AWSOrganizationsNotInUseException",
      Message: "Your account is not a member of an organization.",
    });
  });
});

describe("ListAccounts", () => {
  let large: CreatedOrganization;

  beforeAll(async () => {
    const started = Date.now();
    large = await control.createOrganization({ members: 300 });
    // Creating 300 accounts must stay fast enough for a test's setup.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("pages through 301 accounts 20 at a time", async () => {
    const { accounts, pages } = await listAll(organizationsAs(large.managementAccount));

    expect(pages).toBe(16);
    expect(accounts).toHaveLength(301);
    expect(new Set(accounts.map((account) => account.Id)).size).toBe(301);
    expect(accounts[0]?.Id).toBe(large.managementAccount.accountId);
    expect(accounts.slice(1).map((account) => account.Id)).toEqual(large.members.map((member) => member.accountId));
  });

  it("honours MaxResults", async () => {
    const { accounts, pages } = await listAll(organizationsAs(large.managementAccount), 7);

    expect(pages).toBe(43);
    expect(accounts).toHaveLength(301);
  });

  it("renders each account like AWS", async () => {
    const { Accounts } = await organizationsAs(large.managementAccount).send(new ListAccountsCommand({ MaxResults: 2 }));
    const member = large.members[0]!;

    expect(Accounts?.[1]).toEqual({
      Id: member.accountId,
      Arn: `arn:aws:organizations::${large.managementAccount.accountId}:account/${large.organizationId}/${member.accountId}`,
      Email: member.email,
      Name: "Member account 1",
      Status: "ACTIVE",
      JoinedMethod: "CREATED",
      JoinedTimestamp: expect.any(Date),
    });
  });

  it.each([
    [0, "MIN_VALUE_EXCEEDED"],
    [21, "MAX_VALUE_EXCEEDED"],
  ])("rejects MaxResults %i", async (maxResults, reason) => {
    const error = await rejection(organizationsAs(large.managementAccount).send(new ListAccountsCommand({ MaxResults: maxResults })));

    expect(error.name).toBe("InvalidInputException");
    expect((error as unknown as { Reason: string }).Reason).toBe(reason);
  });

  it("rejects a NextToken of another organization", async () => {
    const other = await control.createOrganization({ members: 25 });
    const { NextToken } = await organizationsAs(other.managementAccount).send(new ListAccountsCommand({}));

    const error = await rejection(organizationsAs(large.managementAccount).send(new ListAccountsCommand({ NextToken })));

    expect(error.name).toBe("InvalidInputException");
    expect(error.message).toBe("You specified an invalid value for nextToken.");
  });

  it("denies a member account", async () => {
    const error = await rejection(organizationsAs(large.members[5]!).send(new ListAccountsCommand({})));

    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toBe(NOT_ALLOWED);
  });

  it("rejects a standalone account", async () => {
    const error = await rejection(organizationsAs(await control.createAccount()).send(new ListAccountsCommand({})));

    expect(error.name).toBe("AWSOrganizationsNotInUseException");
  });

  it("lists suspended members with their status", async () => {
    const organization = await control.createOrganization({ members: [{ name: "Closed", email: "closed@example.com", status: "SUSPENDED" }, {}] });

    const { Accounts } = await organizationsAs(organization.managementAccount).send(new ListAccountsCommand({}));

    expect(Accounts?.map((account) => account.Status)).toEqual(["ACTIVE", "SUSPENDED", "ACTIVE"]);
    expect(Accounts?.[1]).toMatchObject({ Name: "Closed", Email: "closed@example.com" });
  });
});

describe("DescribeAccount", () => {
  it("describes a member to the management account", async () => {
    const organization = await control.createOrganization({ members: [{ name: "Workloads" }] });
    const member = organization.members[0]!;

    const { Account } = await organizationsAs(organization.managementAccount).send(new DescribeAccountCommand({ AccountId: member.accountId }));

    expect(Account).toMatchObject({ Id: member.accountId, Name: "Workloads", Status: "ACTIVE", Email: member.email });
  });

  it("reports an account outside the organization", async () => {
    const organization = await control.createOrganization({ members: 1 });
    const outsider = await control.createAccount();

    const error = await rejection(organizationsAs(organization.managementAccount).send(new DescribeAccountCommand({ AccountId: outsider.accountId })));

    expect(error.name).toBe("AccountNotFoundException");
    expect(error.message).toBe("You specified an account that doesn't exist.");
  });

  it("rejects an account ID that is not 12 digits", async () => {
    const organization = await control.createOrganization({ members: 0 });

    const error = await rejection(organizationsAs(organization.managementAccount).send(new DescribeAccountCommand({ AccountId: "12345" })));

    expect(error.name).toBe("InvalidInputException");
    expect((error as unknown as { Reason: string }).Reason).toBe("INVALID_PATTERN");
  });

  it("denies a member account", async () => {
    const organization = await control.createOrganization({ members: 2 });
    const [first, second] = organization.members;

    const error = await rejection(organizationsAs(first!).send(new DescribeAccountCommand({ AccountId: second!.accountId })));

    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toBe(NOT_ALLOWED);
  });
});

describe("Organizations authorization", () => {
  async function roleSession(accountId: string, managedPolicyArns: string[]) {
    const roleName = `Reader${managedPolicyArns.length}`;
    const { roleArn } = await control.createRole({
      accountId,
      roleName,
      trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: platform.arn }, Action: "sts:AssumeRole" }] },
      managedPolicyArns,
    });
    const { Credentials } = await clients(emulator.endpoint, platform).sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "reader" }));
    return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken };
  }

  it("allows a role with AWSOrganizationsReadOnlyAccess", async () => {
    const organization = await control.createOrganization({ members: 3 });
    const session = await roleSession(organization.managementAccount.accountId, ["arn:aws:iam::aws:policy/AWSOrganizationsReadOnlyAccess"]);

    const { accounts } = await listAll(organizationsAs(session));

    expect(accounts).toHaveLength(4);
  });

  it("denies a role without Organizations permissions", async () => {
    const organization = await control.createOrganization({ members: 3 });
    const session = await roleSession(organization.managementAccount.accountId, []);

    for (const command of [new ListAccountsCommand({}), new DescribeOrganizationCommand({})]) {
      const error = await rejection(organizationsAs(session).send(command as ListAccountsCommand));
      expect(error.name).toBe("AccessDeniedException");
      expect(error.message).toBe(NOT_ALLOWED);
    }
  });
});

describe("Organizations partitions and errors", () => {
  it("builds ARNs in the organization's partition", async () => {
    const organization = await control.createOrganization({ partition: "aws-cn", members: 1 });

    const { Organization } = await organizationsAs(organization.managementAccount, "cn-northwest-1").send(new DescribeOrganizationCommand({}));

    expect(Organization?.Arn).toBe(`arn:aws-cn:organizations::${organization.managementAccount.accountId}:organization/${organization.organizationId}`);
  });

  it("names an unknown key UnrecognizedClientException", async () => {
    const organization = await control.createOrganization({ members: 0 });

    const error = await rejection(organizationsAs(organization.managementAccount, "cn-northwest-1").send(new DescribeOrganizationCommand({})));

    expect(error.name).toBe("UnrecognizedClientException");
    expect(error.message).toBe("The security token included in the request is invalid.");
  });

  it("names a wrong secret InvalidSignatureException", async () => {
    const organization = await control.createOrganization({ members: 0 });
    const wrong = { ...organization.managementAccount, secretAccessKey: "x".repeat(40) };

    const error = await rejection(organizationsAs(wrong).send(new DescribeOrganizationCommand({})));

    expect(error.name).toBe("InvalidSignatureException");
  });

  it("throttles with TooManyRequestsException", async () => {
    const organization = await control.createOrganization({ members: 0 });
    await control.setFaults({ throttleRate: 1, throttleServices: ["organizations"] });

    const error = await rejection(organizationsAs(organization.managementAccount).send(new DescribeOrganizationCommand({})));
    const identity = await clients(emulator.endpoint, organization.managementAccount).sts.send(new GetCallerIdentityCommand({}));

    expect(error.name).toBe("TooManyRequestsException");
    expect(identity.Account).toBe(organization.managementAccount.accountId);
  });
});

describe("POST /_emulator/organizations", () => {
  it("lets existing accounts join with their keys", async () => {
    const management = await control.createAccount();
    const member = await control.createAccount();

    const organization = await control.createOrganization({ managementAccountId: management.accountId, members: [{ accountId: member.accountId }] });

    expect(organization.managementAccount).toMatchObject({ accountId: management.accountId, accessKeyId: management.accessKeyId });
    expect(organization.members[0]).toMatchObject({ accountId: member.accountId, accessKeyId: member.accessKeyId });
    const { Account } = await organizationsAs(management).send(new DescribeAccountCommand({ AccountId: member.accountId }));
    expect(Account?.JoinedMethod).toBe("INVITED");
  });

  it("creates accounts with the requested IDs", async () => {
    const organization = await control.createOrganization({ managementAccountId: "210987654321", members: [{ accountId: "310987654321" }] });

    const identity = await clients(emulator.endpoint, organization.members[0]!).sts.send(new GetCallerIdentityCommand({}));

    expect(organization.managementAccount.accountId).toBe("210987654321");
    expect(identity.Account).toBe("310987654321");
  });

  it("rejects an account already in an organization and creates nothing", async () => {
    const first = await control.createOrganization({ members: 1 });

    const error = await rejection(control.createOrganization({ members: [{ accountId: "410987654321" }, { accountId: first.members[0]!.accountId }] }));

    expect((error as unknown as EmulatorControlError).status).toBe(409);
    expect(error.message).toContain(`Account ${first.members[0]!.accountId} is already in organization ${first.organizationId}.`);
    expect((await control.createAccount({ accountId: "410987654321" })).accountId).toBe("410987654321");
  });

  it("rejects an invalid member status", async () => {
    const error = await rejection(control.createOrganization({ members: [{ status: "CLOSED" as "ACTIVE" }] }));

    expect(error.message).toBe('POST /_emulator/organizations failed with 400: Invalid members[0].status "CLOSED": expected ACTIVE or SUSPENDED.');
  });
});
