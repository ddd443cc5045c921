import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, cloudAccounts, memberships } from "@/db/schema";
import { guardedConnectAccount } from "@/lib/accounts/guarded";
import { buildTemplate } from "@/lib/aws/template";
import { TEMPLATE_VERSION } from "@/lib/aws/template-definition";
import { CloudFormationClient, CreateStackCommand } from "@aws-sdk/client-cloudformation";
import { stringify } from "yaml";
import { createCustomerStack, deleteCustomerStack, type CustomerStack, type TestAws } from "../helpers/aws";
import { failureMessage } from "../helpers/results";
import { setUpLinkingSuite } from "../helpers/linking-suite";
import { testSession } from "../helpers/session";
import { addMember, createWorkspace, type TestWorkspace } from "../helpers/workspace";

const suite = setUpLinkingSuite();
let db: Database;
let aws: TestAws;
let workspace: TestWorkspace;

beforeEach(() => {
  ({ db, aws, workspace } = suite);
});

function connect(roleArn: string, name = "Production") {
  return guardedConnectAccount({ accountType: "management", name, roleArn });
}

async function storedAccounts() {
  return db.select().from(cloudAccounts).where(eq(cloudAccounts.workspaceId, workspace.workspaceId));
}

async function stackFor(options: Partial<Parameters<typeof createCustomerStack>[1]> = {}) {
  return createCustomerStack(aws, { externalId: workspace.externalId, principalArn: aws.principalArn, ...options });
}

describe("connect", () => {
  it("links a management account and records it", async () => {
    const stack = await stackFor();

    const result = await connect(stack.roleArn);

    expect(result).toEqual({ ok: true, data: { id: expect.any(String), awsAccountId: stack.accountId, templateOutdated: false }, message: undefined });
    const [account] = await storedAccounts();
    expect(account?.awsAccountId).toBe(stack.accountId);
    expect(account?.roleArn).toBe(`arn:aws:iam::${stack.accountId}:role/XOps360Integration`);
    expect(account?.awsAccountType).toBe("management");
    expect(account?.partition).toBe("aws");
    expect(account?.stackId).toBe(stack.stackId);
    expect(account?.stackRegion).toBe("us-east-1");
    expect(account?.templateVersion).toBe(TEMPLATE_VERSION);
    expect(account?.status).toBe("connected");
    expect(account?.lastVerifiedAt).toBeInstanceOf(Date);

    const events = await db.select().from(auditEvents).where(eq(auditEvents.targetId, account!.id));
    expect(events.map((event) => event.action)).toEqual(["account.linked"]);
    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, workspace.ownerId));
    expect(membership?.currentCloudAccountId).toBe(account!.id);
  });

  it("rejects a wrong External ID with the usual causes (C1)", async () => {
    const stack = await stackFor({ externalId: "another-workspace-external-id-0000000000" });

    const result = await connect(stack.roleArn);

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message:
        `AWS denied AssumeRole on ${stack.roleArn}. The usual causes: the role's trust policy does not trust this portal's ` +
        `principal ${aws.principalArn}; the External ID in the trust policy differs from this workspace's External ID ` +
        `shown in the setup guide; or the ARN names another role than the one the stack created. If you created the stack ` +
        `in the last minute, IAM may still be propagating the role: wait a minute and click Connect again.`,
    });
    expect(await storedAccounts()).toEqual([]);
  });

  it("trims whitespace copied with the ARN (C2)", async () => {
    const stack = await stackFor();

    const result = await connect(` \t${stack.roleArn}\r\n\u00a0\u200b`);

    expect(result.ok).toBe(true);
    const [account] = await storedAccounts();
    expect(account?.roleArn).toBe(stack.roleArn);
  });

  it("links a role with a path (C4)", async () => {
    const template = buildTemplate("management") as { Resources: { IntegrationRole: { Properties: Record<string, unknown> } } };
    template.Resources.IntegrationRole.Properties.Path = "/service-role/";
    const stack = await stackFor({ template });
    expect(stack.roleArn).toBe(`arn:aws:iam::${stack.accountId}:role/service-role/XOps360Integration`);

    const result = await connect(stack.roleArn);

    expect(result.ok).toBe(true);
    const [account] = await storedAccounts();
    expect(account?.roleArn).toBe(stack.roleArn);
  });

  it("retries AccessDenied while IAM propagates a new role (C5)", async () => {
    await aws.control.setFaults({ iamPropagationSeconds: 2 });
    const stack = await stackFor();
    process.env.XOPS_ASSUME_ROLE_RETRY_SECONDS = "10";

    const result = await connect(stack.roleArn);

    expect(result.ok).toBe(true);
  });

  it("reports AccessDenied when propagation outlasts the retries (C5)", async () => {
    await aws.control.setFaults({ iamPropagationSeconds: 30 });
    const stack = await stackFor();
    process.env.XOPS_ASSUME_ROLE_RETRY_SECONDS = "1";

    const result = await connect(stack.roleArn);

    expect(result.ok).toBe(false);
    expect(failureMessage(result)).toContain("If you created the stack in the last minute, IAM may still be propagating the role: wait a minute and click Connect again.");
    expect(await storedAccounts()).toEqual([]);
  });

  it("reads outputs by key, not by position (C6)", async () => {
    const template = buildTemplate("management") as { Outputs: Record<string, unknown> };
    template.Outputs = { RoleId: { Value: { "Fn::GetAtt": ["IntegrationRole", "RoleId"] } }, ...template.Outputs };
    const stack = await stackFor({ template });
    expect(stack.stack.Outputs?.[0]?.OutputKey).toBe("RoleId");

    const result = await connect(stack.roleArn);

    expect(result.ok).toBe(true);
    const [account] = await storedAccounts();
    expect(account?.roleArn).toBe(stack.roleArn);
  });

  it("rejects a RoleArn output that is not an ARN (C6)", async () => {
    const template = buildTemplate("management") as { Outputs: Record<string, { Value: unknown }> };
    template.Outputs.RoleArn = { Value: "AROAEXAMPLE123" };
    const stack = await stackFor({ template });
    const roleArn = `arn:aws:iam::${stack.accountId}:role/XOps360Integration`;

    const result = await connect(roleArn);

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message: 'The stack\'s RoleArn output "AROAEXAMPLE123" is not an ARN. Create the stack from the portal\'s template and paste its RoleArn output.',
    });
    expect(await storedAccounts()).toEqual([]);
  });

  it("finds a stack created in another region (C7)", async () => {
    const stack = await stackFor({ region: "eu-west-1" });

    const result = await connect(stack.roleArn);

    expect(result.ok).toBe(true);
    const [account] = await storedAccounts();
    expect(account?.stackRegion).toBe("eu-west-1");
  });

  it("names the account and region when the stack is not found (C7)", async () => {
    const first = await stackFor();
    const missingStackId = `arn:aws:cloudformation:eu-west-1:${first.accountId}:stack/Gone/00000000-0000-4000-8000-000000000000`;
    await deleteCustomerStack(first);
    await createStackWithCredentials(first.credentials, roleTaggedWith(missingStackId));

    const result = await connect(first.roleArn);

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message: `The CloudFormation stack ${missingStackId} was not found in account ${first.accountId}, region eu-west-1. If the stack was deleted, create it again from the template and paste its new RoleArn output.`,
    });
    expect(await storedAccounts()).toEqual([]);
  });

  it("says when the role's stack was deleted (C7)", async () => {
    const first = await stackFor({ region: "eu-west-1" });
    await deleteCustomerStack(first);
    // Deleting the stack deletes its role, so recreate a role carrying the deleted stack's tag.
    await createStackWithCredentials(first.credentials, roleTaggedWith(first.stackId));

    const result = await connect(first.roleArn);

    expect(result).toEqual({
      ok: false,
      fieldErrors: undefined,
      message: `The stack XOps360-Integration in account ${first.accountId}, region eu-west-1 was deleted. Create it again from the template and paste its new RoleArn output.`,
    });
  });

  it("rejects a role whose stack is still creating", async () => {
    await aws.control.setFaults({ stuckStacks: true });
    const stack = await stackFor({ waitForComplete: false });
    const roleArn = `arn:aws:iam::${stack.accountId}:role/XOps360Integration`;

    const result = await connect(roleArn);

    expect(result.ok).toBe(false);
    expect(failureMessage(result)).toMatch(/^AWS denied AssumeRole on /);
    expect(await storedAccounts()).toEqual([]);
  });

  it("works without AWS_REGION in the environment (C10)", async () => {
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    const stack = await stackFor({ region: "ap-southeast-2" });

    const result = await connect(stack.roleArn);

    expect(result.ok).toBe(true);
  });

  it("rejects an account already linked in the workspace", async () => {
    const stack = await stackFor();
    await connect(stack.roleArn);

    const result = await connect(stack.roleArn, "Second name");

    const message = `AWS account ${stack.accountId} is already linked in this workspace as "Production". Select it from the account selector instead.`;
    expect(result).toEqual({ ok: false, message, fieldErrors: { roleArn: message } });
    expect(await storedAccounts()).toHaveLength(1);
  });
});

/** Builds the management template with the role's tag naming another stack, which its policy may describe. */
function roleTaggedWith(stackId: string): Record<string, unknown> {
  const template = buildTemplate("management") as {
    Resources: { IntegrationRole: { Properties: { Tags: unknown; Policies: Array<{ PolicyDocument: { Statement: Array<{ Sid: string; Resource: unknown }> } }> } } };
  };
  const properties = template.Resources.IntegrationRole.Properties;
  properties.Tags = [{ Key: "xops360:stack-id", Value: stackId }];
  const describe = properties.Policies[0]!.PolicyDocument.Statement.find((statement) => statement.Sid === "DescribeOwnStack");
  describe!.Resource = stackId;
  return template;
}

async function createStackWithCredentials(credentials: CustomerStack["credentials"], template: Record<string, unknown>) {
  const client = new CloudFormationClient({ region: "us-east-1", endpoint: aws.endpoint, credentials });
  await client.send(
    new CreateStackCommand({
      StackName: "Recreated",
      TemplateBody: stringify(template),
      Capabilities: ["CAPABILITY_NAMED_IAM"],
      Parameters: [
        { ParameterKey: "ExternalId", ParameterValue: workspace.externalId },
        { ParameterKey: "PlatformPrincipalArn", ParameterValue: aws.principalArn },
      ],
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe("connect guard", () => {
  it("rejects a request without a session and stores nothing", async () => {
    testSession.userId = undefined;

    const result = await connect("arn:aws:iam::111122223333:role/XOps360Integration");

    expect(result).toEqual({ ok: false, message: "Your session has ended. Sign in again to continue.", fieldErrors: undefined });
    expect(await storedAccounts()).toEqual([]);
  });

  it("rejects a viewer and stores nothing", async () => {
    const stack = await stackFor();
    testSession.userId = await addMember(db, workspace.workspaceId, "viewer");

    const result = await connect(stack.roleArn);

    expect(result).toEqual({
      ok: false,
      message: "Your role (viewer) cannot link AWS accounts. Ask an owner or admin of the workspace.",
      fieldErrors: undefined,
    });
    expect(await storedAccounts()).toEqual([]);
  });

  it("lets an admin link", async () => {
    const stack = await stackFor();
    testSession.userId = await addMember(db, workspace.workspaceId, "admin");

    expect((await connect(stack.roleArn)).ok).toBe(true);
  });

  it("links into the caller's own workspace only", async () => {
    const other = await createWorkspace(db);
    const stack = await stackFor({ externalId: other.externalId });

    // The role trusts the other workspace's External ID, so this workspace cannot use it.
    const result = await connect(stack.roleArn);

    expect(result.ok).toBe(false);
    expect(await storedAccounts()).toEqual([]);
    expect(await db.select().from(cloudAccounts).where(eq(cloudAccounts.workspaceId, other.workspaceId))).toEqual([]);
  });
});
