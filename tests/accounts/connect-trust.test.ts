import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { cloudAccounts } from "@/db/schema";
import { guardedConnectAccount } from "@/lib/accounts/guarded";
import { buildTemplate } from "@/lib/aws/template";
import { TEMPLATE_VERSION } from "@/lib/aws/template-definition";
import { createCustomerStack, NO_FAULTS, type TestAws } from "../helpers/aws";
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

const READ_OWN_ROLE = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["iam:GetRole", "organizations:DescribeOrganization"], Resource: "*" }] };

/** A role made by hand or by Terraform: no stack, the version and type as tags. */
async function createRole(principal: unknown, tags: Record<string, string> = { "xops360:account-type": "management", "xops360:template-version": TEMPLATE_VERSION }) {
  const account = await aws.control.createAccount({ partition: "aws" });
  const trustPolicy = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": workspace.externalId } } }],
  };
  const role = await aws.control.createRole({ accountId: account.accountId, roleName: "XOps360Integration", trustPolicy, policies: { ReadOnly: READ_OWN_ROLE }, tags });
  return { accountId: account.accountId, roleArn: role.roleArn };
}

function connect(roleArn: string) {
  return guardedConnectAccount({ accountType: "management", name: "Production", roleArn });
}

async function storedAccounts() {
  return db.select().from(cloudAccounts).where(eq(cloudAccounts.workspaceId, workspace.workspaceId));
}

describe("connect trust policy", () => {
  it("links a Terraform role that trusts only the portal", async () => {
    const role = await createRole({ AWS: aws.principalArn });

    const result = await connect(role.roleArn);

    expect(result.ok).toBe(true);
    const [account] = await storedAccounts();
    expect(account?.stackId).toBeNull();
    expect(account?.templateVersion).toBe(TEMPLATE_VERSION);
  });

  it("refuses a role any principal may assume", async () => {
    const role = await createRole({ AWS: "*" });

    const result = await connect(role.roleArn);

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message:
        `The role ${role.roleArn} can also be assumed by *, not only by this portal's principal ${aws.principalArn}. ` +
        `The External ID is shown to every member of the workspace, so it does not protect such a role: make ${aws.principalArn} ` +
        `the only principal in the role's trust policy, or create the role again from the portal's template, then click Connect.`,
    });
    expect(await storedAccounts()).toEqual([]);
  });

  it("refuses a role that trusts the platform account's root", async () => {
    const role = await createRole({ AWS: [aws.principalArn, "arn:aws:iam::123456789012:root"] });

    const result = await connect(role.roleArn);

    expect(result.ok).toBe(false);
    expect(failureMessage(result)).toContain("can also be assumed by arn:aws:iam::123456789012:root, not only by this portal's principal");
  });

  it("refuses a Terraform role without its version tag", async () => {
    const role = await createRole({ AWS: aws.principalArn }, { "xops360:account-type": "management" });

    const result = await connect(role.roleArn);

    expect(failureMessage(result)).toBe(
      `The role ${role.roleArn} has an xops360:account-type tag but no xops360:template-version tag. Create the role with the portal's Terraform module, which sets both, then click Connect.`,
    );
  });

  it("refuses a stack tag that is not a stack ID", async () => {
    const role = await createRole({ AWS: aws.principalArn }, { "xops360:stack-id": "not-an-arn" });

    const result = await connect(role.roleArn);

    expect(failureMessage(result)).toBe(
      `The role ${role.roleArn} has an xops360:stack-id tag with the value "not-an-arn", which is not a CloudFormation stack ID. Create the role with the portal's template, which sets the tag, then click Connect.`,
    );
  });

  it("reports Organizations throttling as throttling (C9)", async () => {
    const stack = await createCustomerStack(aws, { externalId: workspace.externalId, principalArn: aws.principalArn, template: buildTemplate("management") });
    await aws.control.setFaults({ ...NO_FAULTS, throttleRate: 1, throttleServices: ["organizations"] });

    const result = await connect(stack.roleArn);

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message: "AWS throttled the portal's requests (Rate exceeded) and the retries did not succeed. Wait a minute and click Connect again.",
    });
    expect(await storedAccounts()).toEqual([]);
  });
});
