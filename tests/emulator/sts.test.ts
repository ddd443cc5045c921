import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
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

beforeAll(async () => {
  ({ emulator, control } = await startTestEmulator());
  platform = await control.platform("aws");
  customer = await control.createAccount({ accountId: "111122223333" });
  ({ roleArn } = await deployIntegrationRole(clients(emulator.endpoint, customer).cloudformation, platform.arn));
});

afterAll(async () => {
  await emulator.close();
});

function platformSts(region = "us-east-1") {
  return clients(emulator.endpoint, platform, region).sts;
}

function deniedMessage(resource: string, caller = platform.arn) {
  return `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${resource}`;
}

function sessionCredentials(result: { Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } }) {
  return {
    accessKeyId: result.Credentials!.AccessKeyId!,
    secretAccessKey: result.Credentials!.SecretAccessKey!,
    sessionToken: result.Credentials!.SessionToken!,
  };
}

describe("GetCallerIdentity", () => {
  it("returns the platform principal", async () => {
    const identity = await platformSts().send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe("123456789012");
    expect(identity.Arn).toBe("arn:aws:iam::123456789012:user/xops-portal");
    expect(identity.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
  });

  it("uses the partition of the signing region", async () => {
    const china = await control.platform("aws-cn");
    const identity = await clients(emulator.endpoint, china, "cn-north-1").sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe("arn:aws-cn:iam::123456789012:user/xops-portal");
  });
});

describe("AssumeRole", () => {
  it("returns session credentials for a trusted caller", async () => {
    const result = await platformSts().send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "xops360-ws1", ExternalId: EXTERNAL_ID, DurationSeconds: 900 }),
    );

    expect(roleArn).toBe("arn:aws:iam::111122223333:role/XOps360Integration");
    expect(result.AssumedRoleUser?.Arn).toBe("arn:aws:sts::111122223333:assumed-role/XOps360Integration/xops360-ws1");
    expect(result.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:xops360-ws1$/);
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    const lifetimeMs = result.Credentials!.Expiration!.getTime() - Date.now();
    expect(lifetimeMs).toBeGreaterThan(890_000);
    expect(lifetimeMs).toBeLessThanOrEqual(900_000);

    const identity = await clients(emulator.endpoint, sessionCredentials(result)).sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe("111122223333");
    expect(identity.Arn).toBe(result.AssumedRoleUser?.Arn);
    expect(identity.UserId).toBe(result.AssumedRoleUser?.AssumedRoleId);
  });

  it("keeps the path in the role ARN but not in the session ARN", async () => {
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "sts:AssumeRole" }] };
    const { Role } = await clients(emulator.endpoint, customer).iam.send(
      new CreateRoleCommand({ RoleName: "PortalReadOnly", Path: "/service-role/", AssumeRolePolicyDocument: JSON.stringify(trust) }),
    );
    expect(Role?.Arn).toBe("arn:aws:iam::111122223333:role/service-role/PortalReadOnly");

    const result = await platformSts().send(new AssumeRoleCommand({ RoleArn: Role!.Arn, RoleSessionName: "path-test" }));
    expect(result.AssumedRoleUser?.Arn).toBe("arn:aws:sts::111122223333:assumed-role/PortalReadOnly/path-test");

    const withoutPath = "arn:aws:iam::111122223333:role/PortalReadOnly";
    const error = await rejection(platformSts().send(new AssumeRoleCommand({ RoleArn: withoutPath, RoleSessionName: "path-test" })));
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(deniedMessage(withoutPath));
  });

  it("rejects a wrong External ID", async () => {
    const denied = await rejection(
      platformSts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1", ExternalId: "another-workspace-id" })),
    );
    expect(denied.name).toBe("AccessDenied");
    expect(denied.message).toBe(deniedMessage(roleArn));
    expect(denied.$metadata.httpStatusCode).toBe(403);
  });

  it("rejects a missing External ID", async () => {
    const error = await rejection(platformSts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1" })));
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(deniedMessage(roleArn));
  });

  it("rejects an untrusted principal", async () => {
    const other = await control.createAccount();
    const error = await rejection(
      clients(emulator.endpoint, other).sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1", ExternalId: EXTERNAL_ID })),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(deniedMessage(roleArn, `arn:aws:iam::${other.accountId}:user/admin`));
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("answers a missing role and a missing account like an untrusted one", async () => {
    for (const missing of ["arn:aws:iam::111122223333:role/NoSuchRole", "arn:aws:iam::999988887777:role/XOps360Integration"]) {
      const error = await rejection(
        platformSts().send(new AssumeRoleCommand({ RoleArn: missing, RoleSessionName: "s1", ExternalId: EXTERNAL_ID })),
      );
      expect(error.name).toBe("AccessDenied");
      expect(error.message).toBe(deniedMessage(missing));
      expect(error.$metadata.httpStatusCode).toBe(403);
    }
  });

  it("rejects a role ARN of another partition", async () => {
    const chinaArn = "arn:aws-cn:iam::111122223333:role/XOps360Integration";
    const error = await rejection(
      platformSts().send(new AssumeRoleCommand({ RoleArn: chinaArn, RoleSessionName: "s1", ExternalId: EXTERNAL_ID })),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(deniedMessage(chinaArn));
  });

  it("rejects an ARN that names no role", async () => {
    const providerArn = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
    const error = await rejection(platformSts().send(new AssumeRoleCommand({ RoleArn: providerArn, RoleSessionName: "s1" })));
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe("Request ARN is invalid");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("rejects a session name that is too short", async () => {
    const error = await rejection(platformSts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s" })));
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe(
      "1 validation error detected: Value 's' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("lists every failed constraint", async () => {
    const error = await rejection(
      platformSts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "bad name", ExternalId: EXTERNAL_ID, DurationSeconds: 60 })),
    );
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe(
      "2 validation errors detected: " +
        "Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*; " +
        "Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });

  it("limits DurationSeconds to the role's MaxSessionDuration", async () => {
    const error = await rejection(
      platformSts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1", ExternalId: EXTERNAL_ID, DurationSeconds: 7200 })),
    );
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  });

  it("limits role chaining to one hour", async () => {
    const trust = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/XOps360Integration" }, Action: "sts:AssumeRole" }],
    };
    await clients(emulator.endpoint, customer).iam.send(
      new CreateRoleCommand({ RoleName: "Chained", AssumeRolePolicyDocument: JSON.stringify(trust), MaxSessionDuration: 43200 }),
    );
    const first = await platformSts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1", ExternalId: EXTERNAL_ID }));
    const session = clients(emulator.endpoint, sessionCredentials(first)).sts;

    const error = await rejection(
      session.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::111122223333:role/Chained", RoleSessionName: "s2", DurationSeconds: 7200 })),
    );
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  });

  it("expires session credentials", async () => {
    const result = await platformSts().send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "expiring", ExternalId: EXTERNAL_ID, DurationSeconds: 900 }),
    );
    const session = clients(emulator.endpoint, sessionCredentials(result)).sts;
    await control.advanceClock(901);

    const error = await rejection(session.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("ExpiredToken");
    expect(error.message).toBe("The security token included in the request is expired");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("refuses regions where STS is disabled", async () => {
    await control.setFaults({ stsDisabledRegions: ["ap-east-1"] });
    try {
      const error = await rejection(platformSts("ap-east-1").send(new GetCallerIdentityCommand({})));
      expect(error.name).toBe("RegionDisabledException");
      expect(error.message).toBe(
        "STS is not activated in this region for account:123456789012. Your account administrator can activate STS in this region using the IAM Console.",
      );
      expect(error.$metadata.httpStatusCode).toBe(403);
    } finally {
      await control.setFaults({ stsDisabledRegions: [] });
    }
  });
});
