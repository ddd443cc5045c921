import { CreateRoleCommand, DeleteRoleCommand, GetRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { EmulatorControl, PlatformPrincipal } from "@/emulator/client";
import type { RunningEmulator } from "@/emulator/server";

import type { Credentials } from "./helpers";
import { clients, deployIntegrationRole, EXTERNAL_ID, rejection, startTestEmulator } from "./helpers";

let emulator: RunningEmulator;
let control: EmulatorControl;
let platform: PlatformPrincipal;
let customer: { accountId: string } & Credentials;
let roleArn: string;
let stackId: string;
let session: Credentials;

const SESSION_ARN = "arn:aws:sts::111122223333:assumed-role/XOps360Integration/xops360-iam";

beforeAll(async () => {
  ({ emulator, control } = await startTestEmulator());
  platform = await control.platform("aws");
  customer = await control.createAccount({ accountId: "111122223333" });
  const deployed = await deployIntegrationRole(clients(emulator.endpoint, customer).cloudformation, platform.arn);
  roleArn = deployed.roleArn;
  stackId = deployed.stack.StackId!;

  const { Credentials } = await clients(emulator.endpoint, platform).sts.send(
    new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "xops360-iam", ExternalId: EXTERNAL_ID }),
  );
  session = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
});

afterAll(async () => {
  await emulator.close();
});

describe("GetRole", () => {
  it("returns the role created by the stack", async () => {
    const { Role } = await clients(emulator.endpoint, session).iam.send(new GetRoleCommand({ RoleName: "XOps360Integration" }));

    expect(Role?.Arn).toBe(roleArn);
    expect(Role?.Path).toBe("/");
    expect(Role?.RoleName).toBe("XOps360Integration");
    expect(Role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(Role?.MaxSessionDuration).toBe(3600);
    expect(Role?.CreateDate).toBeInstanceOf(Date);
    expect(Role?.Tags).toEqual([{ Key: "xops360:stack-id", Value: stackId }]);

    const trust = JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!));
    expect(trust.Statement[0].Principal).toEqual({ AWS: platform.arn });
    expect(trust.Statement[0].Condition).toEqual({ StringEquals: { "sts:ExternalId": EXTERNAL_ID } });
  });

  it("reports a missing role", async () => {
    const error = await rejection(clients(emulator.endpoint, customer).iam.send(new GetRoleCommand({ RoleName: "Missing" })));
    expect(error.name).toBe("NoSuchEntityException");
    expect(error.message).toBe("The role with name Missing cannot be found.");
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it("validates the role name", async () => {
    const error = await rejection(clients(emulator.endpoint, customer).iam.send(new GetRoleCommand({ RoleName: "bad name" })));
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe(
      "1 validation error detected: Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });

  it("denies the platform principal", async () => {
    const error = await rejection(clients(emulator.endpoint, platform).iam.send(new GetRoleCommand({ RoleName: "XOps360Integration" })));
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(
      "User: arn:aws:iam::123456789012:user/xops-portal is not authorized to perform: iam:GetRole on resource: role XOps360Integration because no identity-based policy allows the iam:GetRole action",
    );
    expect(error.$metadata.httpStatusCode).toBe(403);
  });
});

describe("assumed role permissions", () => {
  it("denies an action its policies do not grant", async () => {
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [] });
    const error = await rejection(
      clients(emulator.endpoint, session).iam.send(new CreateRoleCommand({ RoleName: "Escalate", AssumeRolePolicyDocument: trust })),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(
      `User: ${SESSION_ARN} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111122223333:role/Escalate because no identity-based policy allows the iam:CreateRole action`,
    );
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("applies an explicit deny over an allow", async () => {
    await clients(emulator.endpoint, customer).iam.send(
      new PutRolePolicyCommand({
        RoleName: "XOps360Integration",
        PolicyName: "DenyGetRole",
        PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "iam:GetRole", Resource: "*" }] }),
      }),
    );
    const error = await rejection(clients(emulator.endpoint, session).iam.send(new GetRoleCommand({ RoleName: "XOps360Integration" })));
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(
      `User: ${SESSION_ARN} is not authorized to perform: iam:GetRole on resource: role XOps360Integration with an explicit deny in an identity-based policy`,
    );
  });
});

describe("role management", () => {
  const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "sts:AssumeRole" }] });

  it("rejects a duplicate role name", async () => {
    const iam = clients(emulator.endpoint, customer).iam;
    await iam.send(new CreateRoleCommand({ RoleName: "Duplicate", AssumeRolePolicyDocument: trust }));

    const error = await rejection(iam.send(new CreateRoleCommand({ RoleName: "duplicate", AssumeRolePolicyDocument: trust })));
    expect(error.name).toBe("EntityAlreadyExistsException");
    expect(error.message).toBe("Role with name duplicate already exists.");
    expect(error.$metadata.httpStatusCode).toBe(409);
  });

  it("refuses to delete a role with inline policies", async () => {
    const iam = clients(emulator.endpoint, customer).iam;
    await iam.send(new CreateRoleCommand({ RoleName: "WithPolicy", AssumeRolePolicyDocument: trust }));
    await iam.send(new PutRolePolicyCommand({ RoleName: "WithPolicy", PolicyName: "p", PolicyDocument: trust }));

    const error = await rejection(iam.send(new DeleteRoleCommand({ RoleName: "WithPolicy" })));
    expect(error.name).toBe("DeleteConflictException");
    expect(error.message).toBe("Cannot delete entity, must delete policies first.");
    expect(error.$metadata.httpStatusCode).toBe(409);
  });

  it("rejects a malformed trust policy", async () => {
    const error = await rejection(
      clients(emulator.endpoint, customer).iam.send(new CreateRoleCommand({ RoleName: "Malformed", AssumeRolePolicyDocument: "{not json" })),
    );
    expect(error.name).toBe("MalformedPolicyDocumentException");
    expect(error.message).toBe("This policy contains invalid Json");
  });
});
