import type { Stack } from "@aws-sdk/client-cloudformation";
import { describe, expect, it } from "vitest";
import { stackOutputFailureMessage } from "@/lib/accounts/connect-messages";
import { parseRoleArn, type RoleArn } from "@/lib/aws/role-arn";
import { checkStackOutputs, compareVersions } from "@/lib/aws/stack-outputs";
import { TEMPLATE_VERSION } from "@/lib/aws/template-definition";

const role = (parseRoleArn("arn:aws:iam::111122223333:role/XOps360Integration") as { value: RoleArn }).value;

function stack(overrides: Partial<Stack> = {}): Stack {
  return {
    StackName: "XOps360-Integration",
    StackStatus: "CREATE_COMPLETE",
    CreationTime: new Date(),
    Outputs: [
      { OutputKey: "TemplateVersion", OutputValue: TEMPLATE_VERSION },
      { OutputKey: "AccountType", OutputValue: "management" },
      { OutputKey: "RoleArn", OutputValue: role.arn },
    ],
    ...overrides,
  };
}

function message(check: ReturnType<typeof checkStackOutputs>): string | undefined {
  return check.ok ? undefined : stackOutputFailureMessage(check.code, check.detail);
}

describe("checkStackOutputs", () => {
  it("accepts outputs in any order", () => {
    expect(checkStackOutputs(stack(), role, "management", "us-east-1")).toEqual({ ok: true, value: { templateVersion: TEMPLATE_VERSION, outdated: false } });
  });

  it("marks an older template version as outdated", () => {
    const outputs = stack().Outputs!.map((output) => (output.OutputKey === "TemplateVersion" ? { ...output, OutputValue: "0.9.0" } : output));
    expect(checkStackOutputs(stack({ Outputs: outputs }), role, "management", "us-east-1")).toEqual({
      ok: true,
      value: { templateVersion: "0.9.0", outdated: true },
    });
  });

  it("rejects a stack still in progress", () => {
    expect(message(checkStackOutputs(stack({ StackStatus: "UPDATE_IN_PROGRESS" }), role, "management", "us-east-1"))).toBe(
      "The stack XOps360-Integration is still UPDATE_IN_PROGRESS. Wait until it reaches CREATE_COMPLETE, then click Connect.",
    );
  });

  it("rejects a failed stack with its reason", () => {
    const failed = stack({ StackStatus: "ROLLBACK_COMPLETE", StackStatusReason: "Role XOps360Integration already exists" });
    expect(message(checkStackOutputs(failed, role, "management", "us-east-1"))).toBe(
      "The stack XOps360-Integration is in status ROLLBACK_COMPLETE (Role XOps360Integration already exists). Delete it and create it again from the template.",
    );
  });

  it("rejects a missing output", () => {
    const outputs = stack().Outputs!.filter((output) => output.OutputKey !== "AccountType");
    expect(message(checkStackOutputs(stack({ Outputs: outputs }), role, "management", "us-east-1"))).toBe(
      "The stack XOps360-Integration has no AccountType output. Create the stack from the portal's template, which has the outputs RoleArn, AccountType and TemplateVersion.",
    );
  });

  it("rejects a RoleArn output of another role", () => {
    const outputs = stack().Outputs!.map((output) =>
      output.OutputKey === "RoleArn" ? { ...output, OutputValue: "arn:aws:iam::111122223333:role/Other" } : output,
    );
    expect(message(checkStackOutputs(stack({ Outputs: outputs }), role, "management", "us-east-1"))).toBe(
      "AWS Role ARN arn:aws:iam::111122223333:role/XOps360Integration differs from the stack's RoleArn output arn:aws:iam::111122223333:role/Other. Paste the RoleArn output of the stack exactly.",
    );
  });

  it("rejects a stack of the other account type", () => {
    expect(message(checkStackOutputs(stack(), role, "linked", "us-east-1"))).toBe(
      "The stack was created from the Management Account template, but you chose Linked Account. Create the stack from the Linked Account template, or choose Management Account.",
    );
  });
});

describe("compareVersions", () => {
  it("compares numerically", () => {
    expect(compareVersions("1.10.0", "1.9.0")).toBe(1);
    expect(compareVersions("1.0", "1.0.0")).toBe(0);
    expect(compareVersions("0.9.9", "1.0.0")).toBe(-1);
  });
});
