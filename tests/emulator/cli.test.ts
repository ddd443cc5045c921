/**
 * The AWS CLI, a client nobody here wrote, against the emulator: every emulated operation and one
 * error of each kind, checked on the CLI's JSON output, its exit code and its error line on stderr.
 * Debian's CLI v2 (/usr/bin/aws) must be installed. The v1 CLI runs too when one is on PATH.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CreatedOrganization, EmulatorControl, PlatformPrincipal } from "@/emulator/client";
import type { RunningEmulator } from "@/emulator/server";

import type { Credentials } from "./helpers";
import { EXTERNAL_ID, INTEGRATION_TEMPLATE, startTestEmulator } from "./helpers";

const run = promisify(execFile);

interface Cli {
  label: string;
  path: string;
  /** Exit code for an error AWS returned. */
  serviceErrorExit: number;
  /** Exit code for a parameter the CLI rejects before sending the request. */
  parameterErrorExit: number;
}

const DEBIAN_CLI = "/usr/bin/aws";

// Exit codes, measured with aws-cli 2.9.19 (Debian 12) and aws-cli 1.45.11: v2 exits 254 for service
// errors and 252 for parameter errors, v1 exits 255 for both.
const V2: Cli = { label: "AWS CLI v2 (Debian)", path: DEBIAN_CLI, serviceErrorExit: 254, parameterErrorExit: 252 };

/** Finds a v1 CLI on PATH other than Debian's, such as one installed with pip. */
function findV1Cli(): Cli | undefined {
  const onPath = spawnSync("which", ["-a", "aws"], { encoding: "utf8" });
  const debian = existsSync(DEBIAN_CLI) ? realpathSync(DEBIAN_CLI) : DEBIAN_CLI;
  for (const candidate of onPath.stdout.split("\n").filter(Boolean)) {
    if (realpathSync(candidate) === debian) continue;
    const version = spawnSync(candidate, ["--version"], { encoding: "utf8" });
    if (/^aws-cli\/1\./.test(`${version.stdout}${version.stderr}`.trim())) {
      return { label: "AWS CLI v1", path: candidate, serviceErrorExit: 255, parameterErrorExit: 255 };
    }
  }
  return undefined;
}

const V1 = findV1Cli();

it("finds Debian's AWS CLI", () => {
  expect(existsSync(DEBIAN_CLI), `${DEBIAN_CLI} is missing: install Debian's AWS CLI with "apt-get install awscli".`).toBe(true);
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

defineCliSuite(V2);
describe.skipIf(V1 === undefined)("AWS CLI v1, when installed", () => {
  if (V1) defineCliSuite(V1);
});

function defineCliSuite(cli: Cli) {
  describe(cli.label, () => {
    let emulator: RunningEmulator;
    let control: EmulatorControl;
    let platform: PlatformPrincipal;
    let home: string;
    let customer: Credentials & { accountId: string };
    let roleArn: string;

    beforeAll(async () => {
      ({ emulator, control } = await startTestEmulator());
      platform = await control.platform("aws");
      home = mkdtempSync(join(tmpdir(), "xops-aws-cli-"));
      customer = await control.createAccount();
      const stack = await control.createStack({
        accountId: customer.accountId,
        templateBody: INTEGRATION_TEMPLATE,
        parameters: { ExternalId: EXTERNAL_ID, PlatformPrincipalArn: platform.arn },
      });
      roleArn = stack.outputs.find((output) => output.OutputKey === "RoleArn")!.OutputValue;
    });

    afterAll(async () => {
      await emulator.close();
      rmSync(home, { recursive: true, force: true });
    });

    /** Runs the CLI with only these credentials: no config file, no profile, no pager, no instance metadata, no retries. */
    async function aws(credentials: Credentials, region: string, ...args: string[]): Promise<CliResult> {
      const env: NodeJS.ProcessEnv = {
        // The project's ProcessEnv type requires NODE_ENV. The CLI ignores it.
        NODE_ENV: "test",
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: home,
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_DEFAULT_REGION: region,
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_PAGER: "",
        AWS_MAX_ATTEMPTS: "1",
      };
      if (credentials.sessionToken !== undefined) env.AWS_SESSION_TOKEN = credentials.sessionToken;
      try {
        const { stdout, stderr } = await run(cli.path, ["--endpoint-url", emulator.endpoint, "--output", "json", ...args], { env, timeout: 30_000 });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failure = error as { code: number | string; stdout: string; stderr: string };
        if (typeof failure.code === "string") throw new Error(`${cli.path} could not run (${failure.code}). Install Debian's AWS CLI with "apt-get install awscli".`);
        return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
      }
    }

    function parsed(result: CliResult) {
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout);
    }

    /** Checks an error AWS returned, ignoring the retry count that v2 always and v1 sometimes adds. */
    function expectServiceError(result: CliResult, code: string, operation: string, message: string) {
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().replace(/ \(reached max retries: \d+\)/, "")).toBe(`An error occurred (${code}) when calling the ${operation} operation: ${message}`);
      expect(result.code).toBe(cli.serviceErrorExit);
    }

    async function assumeIntegrationRole(extraArgs: string[] = []) {
      const result = await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "cli", "--external-id", EXTERNAL_ID, ...extraArgs);
      const { Credentials } = parsed(result);
      return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken } as Credentials;
    }

    describe("sts", () => {
      it("gets the caller identity", async () => {
        const identity = parsed(await aws(platform, "us-east-1", "sts", "get-caller-identity"));

        expect(identity).toEqual({ UserId: "AIDAXOPSPLATFORM0AWS0", Account: "123456789012", Arn: platform.arn });
      });

      it("assumes a role with the External ID", async () => {
        const result = parsed(await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "cli", "--external-id", EXTERNAL_ID));

        expect(result.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${customer.accountId}:assumed-role/XOps360Integration/cli`);
        expect(result.Credentials.AccessKeyId).toMatch(/^ASIA/);
        expect(Date.parse(result.Credentials.Expiration) - Date.now()).toBeGreaterThan(3500_000);
      });

      it("identifies a role session", async () => {
        const session = await assumeIntegrationRole();

        const identity = parsed(await aws(session, "us-east-1", "sts", "get-caller-identity"));

        expect(identity.Arn).toBe(`arn:aws:sts::${customer.accountId}:assumed-role/XOps360Integration/cli`);
      });

      it("reports AccessDenied for a wrong External ID", async () => {
        const result = await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "cli", "--external-id", "wrong-id");

        expectServiceError(result, "AccessDenied", "AssumeRole", `User: ${platform.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
      });

      it("reports InvalidClientTokenId for an unknown key", async () => {
        const result = await aws({ accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: platform.secretAccessKey }, "us-east-1", "sts", "get-caller-identity");

        expectServiceError(result, "InvalidClientTokenId", "GetCallerIdentity", "The security token included in the request is invalid.");
      });

      it("reports InvalidClientTokenId for a key of another partition", async () => {
        const result = await aws(platform, "cn-north-1", "sts", "get-caller-identity");

        expectServiceError(result, "InvalidClientTokenId", "GetCallerIdentity", "The security token included in the request is invalid.");
      });

      it("reports SignatureDoesNotMatch for a wrong secret", async () => {
        const result = await aws({ ...platform, secretAccessKey: "w".repeat(40) }, "us-east-1", "sts", "get-caller-identity");

        expectServiceError(
          result,
          "SignatureDoesNotMatch",
          "GetCallerIdentity",
          "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        );
      });

      it("reports ExpiredToken after the session ends", async () => {
        const session = await assumeIntegrationRole(["--duration-seconds", "900"]);
        await control.advanceClock(901);

        const result = await aws(session, "us-east-1", "sts", "get-caller-identity");

        expectServiceError(result, "ExpiredToken", "GetCallerIdentity", "The security token included in the request is expired");
      });

      it("reports RegionDisabledException", async () => {
        await control.setFaults({ stsDisabledRegions: ["eu-central-1"] });
        try {
          const result = await aws(platform, "eu-central-1", "sts", "get-caller-identity");

          expectServiceError(
            result,
            "RegionDisabledException",
            "GetCallerIdentity",
            "STS is not activated in this region for account:123456789012. Your account administrator can activate STS in this region using the IAM Console.",
          );
        } finally {
          await control.setFaults({ stsDisabledRegions: [] });
        }
      });
    });

    describe("sts assume-role limits", () => {
      it("accepts DurationSeconds up to MaxSessionDuration", async () => {
        const result = parsed(await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "cli", "--external-id", EXTERNAL_ID, "--duration-seconds", "3600"));

        expect(Date.parse(result.Credentials.Expiration) - Date.now()).toBeGreaterThan(3500_000);
      });

      it("rejects DurationSeconds above MaxSessionDuration", async () => {
        const result = await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "cli", "--external-id", EXTERNAL_ID, "--duration-seconds", "3601");

        expectServiceError(result, "ValidationError", "AssumeRole", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
      });

      it("accepts 12 hours for a role that allows them", async () => {
        const { roleArn: longRole } = await control.createRole({
          accountId: customer.accountId,
          roleName: `Long${cli.serviceErrorExit}`,
          trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: platform.arn }, Action: "sts:AssumeRole" }] },
          maxSessionDuration: 43200,
        });

        const result = parsed(await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", longRole, "--role-session-name", "long", "--duration-seconds", "43200"));

        expect(Date.parse(result.Credentials.Expiration) - Date.now()).toBeGreaterThan(43100_000);
      });

      it("rejects DurationSeconds below 900 in the CLI", async () => {
        const result = await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "cli", "--duration-seconds", "899");

        expect(result.stderr).toContain("Invalid value for parameter DurationSeconds, value: 899, valid min value: 900");
        expect(result.code).toBe(cli.parameterErrorExit);
      });

      it("limits a chained role session to one hour", async () => {
        const { roleArn: chained } = await control.createRole({
          accountId: customer.accountId,
          roleName: `Chained${cli.serviceErrorExit}`,
          trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: roleArn }, Action: "sts:AssumeRole" }] },
          maxSessionDuration: 43200,
        });
        const session = await assumeIntegrationRole();

        const tooLong = await aws(session, "us-east-1", "sts", "assume-role", "--role-arn", chained, "--role-session-name", "chain", "--duration-seconds", "3601");
        const oneHour = parsed(await aws(session, "us-east-1", "sts", "assume-role", "--role-arn", chained, "--role-session-name", "chain", "--duration-seconds", "3600"));

        expectServiceError(tooLong, "ValidationError", "AssumeRole", "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        expect(oneHour.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${customer.accountId}:assumed-role/Chained${cli.serviceErrorExit}/chain`);
      });

      it("rejects a one-character RoleSessionName in the CLI", async () => {
        const result = await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "a");

        expect(result.stderr).toContain("Invalid length for parameter RoleSessionName, value: 1, valid min length: 2");
        expect(result.code).toBe(cli.parameterErrorExit);
      });

      it("rejects a RoleSessionName with a space", async () => {
        const result = await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "bad name");

        expectServiceError(
          result,
          "ValidationError",
          "AssumeRole",
          "1 validation error detected: Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
        );
      });

      it("rejects a RoleSessionName of 65 characters", async () => {
        const name = "s".repeat(65);

        const result = await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", name);

        expectServiceError(
          result,
          "ValidationError",
          "AssumeRole",
          `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
        );
      });

      it("rejects an ExternalId with a space", async () => {
        const result = await aws(platform, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "cli", "--external-id", "has space");

        expectServiceError(
          result,
          "ValidationError",
          "AssumeRole",
          "1 validation error detected: Value 'has space' at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*",
        );
      });
    });

    describe("iam", () => {
      it("gets a role with its tags", async () => {
        const { Role } = parsed(await aws(customer, "us-east-1", "iam", "get-role", "--role-name", "XOps360Integration"));

        expect(Role.Arn).toBe(roleArn);
        expect(Role.MaxSessionDuration).toBe(3600);
        expect(Role.Tags).toEqual([{ Key: "xops360:stack-id", Value: expect.stringMatching(/^arn:aws:cloudformation:us-east-1:/) }]);
        // The CLI decodes the URL-encoded trust policy into JSON.
        expect(Role.AssumeRolePolicyDocument.Statement[0].Condition).toEqual({ StringEquals: { "sts:ExternalId": EXTERNAL_ID } });
      });

      it("reports NoSuchEntity for a missing role", async () => {
        const result = await aws(customer, "us-east-1", "iam", "get-role", "--role-name", "Missing");

        expectServiceError(result, "NoSuchEntity", "GetRole", "The role with name Missing cannot be found.");
      });
    });

    describe("cloudformation", () => {
      it("creates, describes, lists and deletes a stack", async () => {
        const account = await control.createAccount();
        const parameters = JSON.stringify([
          { ParameterKey: "ExternalId", ParameterValue: EXTERNAL_ID },
          { ParameterKey: "PlatformPrincipalArn", ParameterValue: platform.arn },
        ]);

        const { StackId } = parsed(
          await aws(account, "eu-west-1", "cloudformation", "create-stack", "--stack-name", "cli-stack", "--template-body", INTEGRATION_TEMPLATE, "--parameters", parameters, "--capabilities", "CAPABILITY_NAMED_IAM"),
        );
        expect(StackId).toMatch(new RegExp(`^arn:aws:cloudformation:eu-west-1:${account.accountId}:stack/cli-stack/[0-9a-f-]{36}$`));
        await control.advanceClock(1);

        const byName = parsed(await aws(account, "eu-west-1", "cloudformation", "describe-stacks", "--stack-name", "cli-stack")).Stacks;
        expect(byName).toHaveLength(1);
        expect(byName[0].StackStatus).toBe("CREATE_COMPLETE");
        expect(byName[0].Outputs.map((output: { OutputKey: string }) => output.OutputKey)).toEqual(["RoleArn", "AccountType", "TemplateVersion"]);

        const byId = parsed(await aws(account, "eu-west-1", "cloudformation", "describe-stacks", "--stack-name", StackId)).Stacks;
        expect(byId[0].StackName).toBe("cli-stack");

        const all = parsed(await aws(account, "eu-west-1", "cloudformation", "describe-stacks")).Stacks;
        expect(all.map((stack: { StackId: string }) => stack.StackId)).toEqual([StackId]);

        const deleted = await aws(account, "eu-west-1", "cloudformation", "delete-stack", "--stack-name", "cli-stack");
        expect(deleted).toEqual({ code: 0, stdout: "", stderr: "" });
        await control.advanceClock(1);

        const afterDelete = parsed(await aws(account, "eu-west-1", "cloudformation", "describe-stacks", "--stack-name", StackId)).Stacks;
        expect(afterDelete[0].StackStatus).toBe("DELETE_COMPLETE");
        const summaries = parsed(await aws(account, "eu-west-1", "cloudformation", "list-stacks")).StackSummaries;
        expect(summaries.map((summary: { StackId: string; StackStatus: string }) => [summary.StackId, summary.StackStatus])).toEqual([[StackId, "DELETE_COMPLETE"]]);

        const byNameAfterDelete = await aws(account, "eu-west-1", "cloudformation", "describe-stacks", "--stack-name", "cli-stack");
        expectServiceError(byNameAfterDelete, "ValidationError", "DescribeStacks", "Stack with id cli-stack does not exist");
      });

      it("reports Throttling without retries", async () => {
        await control.setFaults({ throttleRate: 1, throttleServices: ["cloudformation"] });
        try {
          const result = await aws(customer, "us-east-1", "cloudformation", "describe-stacks");

          expectServiceError(result, "Throttling", "DescribeStacks", "Rate exceeded");
        } finally {
          await control.setFaults({ throttleRate: 0, throttleServices: [] });
        }
      });
    });

    describe("organizations", () => {
      let organization: CreatedOrganization;

      beforeAll(async () => {
        organization = await control.createOrganization({ members: 45 });
      });

      it("describes the organization", async () => {
        const { Organization } = parsed(await aws(organization.managementAccount, "us-east-1", "organizations", "describe-organization"));

        expect(Organization).toMatchObject({
          Id: organization.organizationId,
          MasterAccountId: organization.managementAccount.accountId,
          FeatureSet: "ALL",
        });
      });

      it("lists every account through the pages", async () => {
        const { Accounts } = parsed(await aws(organization.managementAccount, "us-east-1", "organizations", "list-accounts"));

        expect(Accounts).toHaveLength(46);
        expect(Accounts[45]).toMatchObject({ Id: organization.members[44]!.accountId, Status: "ACTIVE", JoinedMethod: "CREATED" });
      });

      it("returns a NextToken with --max-items", async () => {
        const page = parsed(await aws(organization.managementAccount, "us-east-1", "organizations", "list-accounts", "--max-items", "5"));

        expect(page.Accounts).toHaveLength(5);
        expect(typeof page.NextToken).toBe("string");
      });

      it("describes an account", async () => {
        const member = organization.members[3]!;

        const { Account } = parsed(await aws(organization.managementAccount, "us-east-1", "organizations", "describe-account", "--account-id", member.accountId));

        expect(Account).toMatchObject({ Id: member.accountId, Name: member.name, Email: member.email });
      });

      it("reports AccountNotFoundException", async () => {
        const result = await aws(organization.managementAccount, "us-east-1", "organizations", "describe-account", "--account-id", customer.accountId);

        expectServiceError(result, "AccountNotFoundException", "DescribeAccount", "You specified an account that doesn't exist.");
      });

      it("reports AccessDeniedException to a member", async () => {
        const result = await aws(organization.members[0]!, "us-east-1", "organizations", "list-accounts");

        expectServiceError(result, "AccessDeniedException", "ListAccounts", "You don't have permissions to access this resource.");
      });

      it("reports AWSOrganizationsNotInUseException to a standalone account", async () => {
        const result = await aws(customer, "us-east-1", "organizations", "describe-organization");

        expectServiceError(result, "AWSOrganizationsNotInUseException", "DescribeOrganization", "Your account is not a member of an organization.");
      });
    });
  });
}
