import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { cloudAccounts } from "@/db/schema";
import { guardedConnectAccount } from "@/lib/accounts/guarded";
import { buildTemplate } from "@/lib/aws/template";
import { createCustomerStack, type TestAws } from "../helpers/aws";
import { failureMessage } from "../helpers/results";
import { setUpLinkingSuite } from "../helpers/linking-suite";
import type { TestWorkspace } from "../helpers/workspace";

const suite = setUpLinkingSuite();
let db: Database;
let aws: TestAws;
let workspace: TestWorkspace;

beforeEach(() => {
  ({ db, aws, workspace } = suite);
});

type Account = { accountId: string; accessKeyId: string; secretAccessKey: string };

async function stackIn(account: Account, type: "management" | "linked", template = buildTemplate(type)) {
  return createCustomerStack(aws, { externalId: workspace.externalId, principalArn: aws.principalArn, account, template });
}

function connect(accountType: "management" | "linked", roleArn: string, name: string) {
  return guardedConnectAccount({ accountType, name, roleArn });
}

async function storedAccounts() {
  return db.select().from(cloudAccounts).where(eq(cloudAccounts.workspaceId, workspace.workspaceId));
}

describe("connect organization checks", () => {
  it("links an organization's management account", async () => {
    const organization = await aws.control.createOrganization({ members: 2 });
    const stack = await stackIn(organization.managementAccount, "management");

    const result = await connect("management", stack.roleArn, "Payer");

    expect(result.ok).toBe(true);
  });

  it("refuses a member account linked as management", async () => {
    const organization = await aws.control.createOrganization({ members: 1 });
    const member = organization.members[0]!;
    const stack = await stackIn(member, "management");

    const result = await connect("management", stack.roleArn, "Member");

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message:
        `AWS account ${member.accountId} is a member of organization ${organization.organizationId}, whose management account is ` +
        `${organization.managementAccount.accountId}. Link ${organization.managementAccount.accountId} as the Management Account first, then link ` +
        `${member.accountId} as a Linked Account.`,
    });
    expect(await storedAccounts()).toEqual([]);
  });

  it("links a member account under its linked management account", async () => {
    const organization = await aws.control.createOrganization({ members: 1 });
    const management = await stackIn(organization.managementAccount, "management");
    const linked = await stackIn(organization.members[0]!, "linked");
    await connect("management", management.roleArn, "Payer");

    const result = await connect("linked", linked.roleArn, "Workloads");

    expect(result.ok).toBe(true);
    const rows = await storedAccounts();
    const parent = rows.find((row) => row.awsAccountType === "management");
    const child = rows.find((row) => row.awsAccountType === "linked");
    expect(child?.parentId).toBe(parent?.id);
    expect(child?.awsAccountId).toBe(organization.members[0]!.accountId);
  });

  it("refuses a linked account whose management account is not linked", async () => {
    const organization = await aws.control.createOrganization({ members: 1 });
    const member = organization.members[0]!;
    const stack = await stackIn(member, "linked");

    const result = await connect("linked", stack.roleArn, "Workloads");

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message:
        `AWS account ${member.accountId} belongs to organization ${organization.organizationId}, whose management account ` +
        `${organization.managementAccount.accountId} is not linked in this workspace. Link ${organization.managementAccount.accountId} as the ` +
        `Management Account first, then link this account.`,
    });
    expect(await storedAccounts()).toEqual([]);
  });

  it("refuses a standalone account as linked", async () => {
    const account = await aws.control.createAccount({ partition: "aws" });
    const stack = await stackIn(account, "linked");

    const result = await connect("linked", stack.roleArn, "Alone");

    expect(result.ok).toBe(false);
    expect(failureMessage(result)).toBe(
      `AWS account ${account.accountId} is not a member of an AWS Organization, so it cannot be a Linked Account. Link it as a Management Account instead: a standalone account is its own management account.`,
    );
  });

  it("accepts a standalone management account", async () => {
    const account = await aws.control.createAccount({ partition: "aws" });
    const stack = await stackIn(account, "management");

    expect((await connect("management", stack.roleArn, "Standalone")).ok).toBe(true);
  });
});

describe("connect confused-deputy check", () => {
  it("refuses a role that does not require the External ID", async () => {
    const account = await aws.control.createAccount({ partition: "aws" });
    const template = buildTemplate("management") as {
      Resources: { IntegrationRole: { Properties: { AssumeRolePolicyDocument: { Statement: Array<Record<string, unknown>> } } } };
    };
    delete template.Resources.IntegrationRole.Properties.AssumeRolePolicyDocument.Statement[0]!.Condition;
    const stack = await stackIn(account, "management", template as ReturnType<typeof buildTemplate>);

    const result = await connect("management", stack.roleArn, "Open role");

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message:
        `The trust policy of ${stack.roleArn} does not require exactly this workspace's External ID, so other tenants of this ` +
        `portal could use the role. Its condition must be "StringEquals": {"sts:ExternalId": "<External ID from the setup guide>"}, ` +
        `with no other operator on sts:ExternalId. Fix the trust policy, or create the role again from the portal's template, ` +
        `then click Connect.`,
    });
    expect(await storedAccounts()).toEqual([]);
  });

  it("links an outdated template and flags it", async () => {
    const account = await aws.control.createAccount({ partition: "aws" });
    const template = buildTemplate("management") as { Outputs: Record<string, { Value: unknown }> };
    template.Outputs.TemplateVersion = { Value: "1.0.0" };
    const stack = await stackIn(account, "management", template as ReturnType<typeof buildTemplate>);

    const result = await connect("management", stack.roleArn, "Old stack");

    expect(result).toEqual({ ok: true, data: { id: expect.any(String), awsAccountId: account.accountId, templateOutdated: true }, message: undefined });
    const [row] = await storedAccounts();
    expect(row?.templateVersion).toBe("1.0.0");
  });
});
