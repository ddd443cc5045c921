import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { buildTemplate } from "@/lib/aws/template";
import { TEMPLATE_VERSION } from "@/lib/aws/template-definition";
import { renderTerraformModule } from "@/lib/aws/terraform";

interface TerraformModule {
  variable: Record<string, [{ default?: string }]>;
  resource: {
    aws_iam_role: { integration: [{ assume_role_policy: string; max_session_duration: number; name: string; tags: Record<string, string> }] };
    aws_iam_role_policy: { read_only: [{ policy: string }] };
  };
  output: Record<string, [{ value: string }]>;
}

// hcl2json returns `jsonencode(...)` as an interpolation; the argument is JSON with HCL interpolations.
function jsonencodeArgument(expression: string): { Statement: Array<Record<string, unknown>> } {
  const match = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(expression);
  if (!match) throw new Error(`not a jsonencode expression: ${expression.slice(0, 40)}`);
  return JSON.parse(match[1]!);
}

type Role = { Properties: { AssumeRolePolicyDocument: { Statement: Array<Record<string, unknown>> }; Policies: Array<{ PolicyDocument: { Statement: Array<{ Sid: string; Action: string[] }> } }> } };

describe.each(["management", "linked"] as const)("%s Terraform module", (type) => {
  it("parses as HCL and produces the CloudFormation role", async () => {
    const terraform = (await parse("main.tf", renderTerraformModule(type))) as TerraformModule;
    const role = terraform.resource.aws_iam_role.integration[0];
    const cloudFormationRole = (buildTemplate(type).Resources as unknown as { IntegrationRole: Role }).IntegrationRole;

    expect(role.name).toBe("${var.role_name}");
    expect(terraform.variable.role_name?.[0].default).toBe("XOps360Integration");
    expect(role.max_session_duration).toBe(3600);
    expect(role.tags).toEqual({ "xops360:account-type": type, "xops360:template-version": TEMPLATE_VERSION });

    const trust = jsonencodeArgument(role.assume_role_policy).Statement[0];
    expect(trust).toEqual({
      Effect: "Allow",
      Principal: { AWS: "${var.platform_principal_arn}" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "${var.external_id}" } },
    });
    expect(Object.keys(trust!)).toEqual(Object.keys(cloudFormationRole.Properties.AssumeRolePolicyDocument.Statement[0]!));

    // The same statements, less the one that reads the stack: a Terraform role has no stack.
    const statements = jsonencodeArgument(terraform.resource.aws_iam_role_policy.read_only[0].policy).Statement;
    const cloudFormationStatements = cloudFormationRole.Properties.Policies[0]!.PolicyDocument.Statement.filter((s) => s.Sid !== "DescribeOwnStack");
    expect(statements.map((s) => [s.Sid, s.Action])).toEqual(cloudFormationStatements.map((s) => [s.Sid, s.Action]));
  });

  it("has the same outputs", async () => {
    const terraform = (await parse("main.tf", renderTerraformModule(type))) as TerraformModule;

    expect(Object.keys(terraform.output).sort()).toEqual(["account_type", "role_arn", "template_version"]);
    expect(terraform.output.role_arn?.[0].value).toBe("${aws_iam_role.integration.arn}");
    expect(terraform.output.account_type?.[0].value).toBe(type);
    expect(terraform.output.template_version?.[0].value).toBe(TEMPLATE_VERSION);
  });
});
