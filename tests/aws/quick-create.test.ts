import { describe, expect, it } from "vitest";
import { buildQuickCreateUrl, templateFileName } from "@/lib/aws/quick-create";
import { TEMPLATE_VERSION } from "@/lib/aws/template-definition";

const externalId = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd";
const base = { accountType: "management" as const, templateBaseUrl: "https://xops-templates.s3.amazonaws.com/xops360/", externalId };

function fragmentParams(url: string): URLSearchParams {
  const fragment = new URL(url).hash;
  expect(fragment.startsWith("#/stacks/quickcreate?")).toBe(true);
  return new URLSearchParams(fragment.slice("#/stacks/quickcreate?".length));
}

describe("buildQuickCreateUrl", () => {
  it("builds the aws console link", () => {
    const url = buildQuickCreateUrl({ ...base, partition: "aws", principalArn: "arn:aws:iam::123456789012:user/xops-portal" });

    expect(url).toBe(
      "https://console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?" +
        `templateURL=https%3A%2F%2Fxops-templates.s3.amazonaws.com%2Fxops360%2F${TEMPLATE_VERSION}%2Fxops360-management-account.yaml` +
        `&stackName=XOps360-Integration&param_ExternalId=${externalId}` +
        "&param_PlatformPrincipalArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Auser%2Fxops-portal&param_RoleName=XOps360Integration",
    );
  });

  it("builds the aws-cn console link", () => {
    const url = buildQuickCreateUrl({ ...base, partition: "aws-cn", principalArn: "arn:aws-cn:iam::123456789012:user/xops-portal" });

    expect(url.startsWith("https://console.amazonaws.cn/cloudformation/home?region=cn-north-1#/stacks/quickcreate?")).toBe(true);
    expect(fragmentParams(url).get("param_PlatformPrincipalArn")).toBe("arn:aws-cn:iam::123456789012:user/xops-portal");
  });

  it("builds the aws-us-gov console link", () => {
    const url = buildQuickCreateUrl({ ...base, partition: "aws-us-gov", principalArn: "arn:aws-us-gov:iam::123456789012:user/xops-portal" });

    expect(url.startsWith("https://console.amazonaws-us-gov.com/cloudformation/home?region=us-gov-west-1#/stacks/quickcreate?")).toBe(true);
    expect(fragmentParams(url).get("templateURL")).toBe(`https://xops-templates.s3.amazonaws.com/xops360/${templateFileName("management")}`);
  });

  it("fills in the stack name and every parameter", () => {
    const params = fragmentParams(buildQuickCreateUrl({ ...base, partition: "aws", principalArn: "arn:aws:iam::123456789012:user/p" }));

    expect([...params.keys()]).toEqual(["templateURL", "stackName", "param_ExternalId", "param_PlatformPrincipalArn", "param_RoleName"]);
    expect(params.get("stackName")).toBe("XOps360-Integration");
    expect(params.get("param_ExternalId")).toBe(externalId);
    expect(params.get("param_RoleName")).toBe("XOps360Integration");
  });

  it("keeps a value with &param_X= from adding a parameter", () => {
    const hostile = "abc&param_RoleName=Admin&param_X=1";
    const params = fragmentParams(buildQuickCreateUrl({ ...base, partition: "aws", externalId: hostile, principalArn: "arn:aws:iam::1:user/p#x" }));

    expect([...params.keys()]).toEqual(["templateURL", "stackName", "param_ExternalId", "param_PlatformPrincipalArn", "param_RoleName"]);
    expect(params.get("param_ExternalId")).toBe(hostile);
    expect(params.get("param_RoleName")).toBe("XOps360Integration");
    expect(params.get("param_X")).toBeNull();
  });

  it("keeps a value with # from ending the fragment", () => {
    const url = buildQuickCreateUrl({ ...base, partition: "aws", externalId: "abc#/stacks/other?param_RoleName=Admin", principalArn: "p" });

    expect(url.split("#")).toHaveLength(2);
    expect(fragmentParams(url).get("param_ExternalId")).toBe("abc#/stacks/other?param_RoleName=Admin");
    expect(fragmentParams(url).get("param_RoleName")).toBe("XOps360Integration");
  });

  it("keeps a template base URL with a query from adding a parameter", () => {
    const url = buildQuickCreateUrl({ ...base, partition: "aws", templateBaseUrl: "https://b.s3.amazonaws.com/x?&param_RoleName=Admin", principalArn: "p" });

    expect([...fragmentParams(url).keys()]).toEqual(["templateURL", "stackName", "param_ExternalId", "param_PlatformPrincipalArn", "param_RoleName"]);
    expect(fragmentParams(url).get("param_RoleName")).toBe("XOps360Integration");
  });
});
