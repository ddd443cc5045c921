import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderTemplateYaml } from "@/lib/aws/template";
import { permissionStatements, TEMPLATE_VERSION } from "@/lib/aws/template-definition";
import { startTestAws, type TestAws } from "../helpers/aws";
import { parseCloudFormationYaml, validateAgainstSpecification } from "./template-spec";

const TYPES = ["management", "linked"] as const;
const PARTITIONS = [
  { partition: "aws", region: "eu-west-1" },
  { partition: "aws-cn", region: "cn-northwest-1" },
  { partition: "aws-us-gov", region: "us-gov-east-1" },
] as const;

function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(allStrings);
  return [];
}

describe.each(TYPES)("%s template", (type) => {
  const template = parseCloudFormationYaml(renderTemplateYaml(type));

  it("matches the CloudFormation resource specification", () => {
    expect(validateAgainstSpecification(template)).toEqual([]);
  });

  it("builds every ARN from the partition", () => {
    const arns = allStrings(template).filter((value) => value.includes("arn:"));
    expect(arns.length).toBeGreaterThan(0);
    for (const arn of arns) expect(arn).toMatch(/arn:\$\{AWS::Partition\}:|\^arn:aws\(-cn\|-us-gov\)\?:/);
  });

  it("never hides the External ID parameter", () => {
    const parameters = template.Parameters as Record<string, Record<string, unknown>>;
    expect(Object.keys(parameters)).toEqual(["ExternalId", "PlatformPrincipalArn", "RoleName"]);
    expect(parameters.ExternalId?.NoEcho).toBeUndefined();
  });

  it("has the outputs connect reads", () => {
    const outputs = template.Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs)).toEqual(["RoleArn", "AccountType", "TemplateVersion"]);
    expect(outputs.AccountType?.Value).toBe(type);
    expect(outputs.TemplateVersion?.Value).toBe(TEMPLATE_VERSION);
  });

  it("grants only the listed read-only actions", () => {
    const actions = allStrings((template.Resources as Record<string, { Properties: { Policies: unknown } }>).IntegrationRole?.Properties.Policies)
      .filter((value) => /^[a-z0-9-]+:[A-Za-z]+$/.test(value));
    expect(actions.sort()).toEqual(permissionStatements(type).flatMap((statement) => statement.actions).sort());
    for (const action of actions) expect(action).toMatch(/:(Get|List|Describe|View)/);
  });
});

describe("validateAgainstSpecification", () => {
  it("reports unknown types, unknown and missing properties, wrong shapes", () => {
    const broken = parseCloudFormationYaml(`
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleNam: x
      MaxSessionDuration: [1]
      Tags: [{ Key: a }]
  Thing:
    Type: AWS::IAM::Nope
`);
    expect(validateAgainstSpecification(broken)).toEqual([
      "Role: required property AssumeRolePolicyDocument is missing",
      "Role: property RoleNam is not in the specification of AWS::IAM::Role",
      "Role.MaxSessionDuration: expected Integer, got [1]",
      "Role.Tags[0]: required property Value is missing",
      "Thing: unknown resource type AWS::IAM::Nope",
    ]);
  });
});

describe("templates in the emulator", () => {
  let aws: TestAws;

  beforeAll(async () => {
    aws = await startTestAws();
  });

  afterAll(async () => {
    await aws.close();
  });

  it.each(TYPES.flatMap((type) => PARTITIONS.map((p) => ({ type, ...p }))))("creates the $type stack in $partition", async ({ type, partition, region }) => {
    const account = await aws.control.createAccount({ partition });
    const principal = await aws.control.platform(partition);
    const client = new CloudFormationClient({
      region,
      endpoint: aws.endpoint,
      credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
    });

    const { StackId } = await client.send(
      new CreateStackCommand({
        StackName: "XOps360-Integration",
        TemplateBody: renderTemplateYaml(type),
        Capabilities: ["CAPABILITY_NAMED_IAM"],
        Parameters: [
          { ParameterKey: "ExternalId", ParameterValue: "x".repeat(40) },
          { ParameterKey: "PlatformPrincipalArn", ParameterValue: principal.arn },
        ],
      }),
    );
    let stack;
    for (let attempt = 0; attempt < 100; attempt++) {
      stack = (await client.send(new DescribeStacksCommand({ StackName: StackId }))).Stacks?.[0];
      if (!stack?.StackStatus?.endsWith("_IN_PROGRESS")) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    expect(stack?.StackStatus).toBe("CREATE_COMPLETE");
    expect(StackId).toMatch(new RegExp(`^arn:${partition}:cloudformation:${region}:${account.accountId}:stack/XOps360-Integration/`));
    expect(stack?.Outputs?.map((output) => [output.OutputKey, output.OutputValue])).toEqual([
      ["RoleArn", `arn:${partition}:iam::${account.accountId}:role/XOps360Integration`],
      ["AccountType", type],
      ["TemplateVersion", TEMPLATE_VERSION],
    ]);
  });
});
