import { describe, expect, it } from "vitest";
import { parseRoleArn } from "@/lib/aws/role-arn";

function messageOf(input: string): string | undefined {
  const result = parseRoleArn(input);
  return result.ok ? undefined : result.message;
}

describe("parseRoleArn", () => {
  it("accepts a plain role ARN", () => {
    expect(parseRoleArn("arn:aws:iam::111122223333:role/PortalReadOnly")).toEqual({
      ok: true,
      value: { arn: "arn:aws:iam::111122223333:role/PortalReadOnly", partition: "aws", accountId: "111122223333", path: "/", roleName: "PortalReadOnly" },
    });
  });

  it("takes the last segment of a path as the name (C4)", () => {
    expect(parseRoleArn("arn:aws:iam::111122223333:role/service-role/team/PortalReadOnly")).toEqual({
      ok: true,
      value: {
        arn: "arn:aws:iam::111122223333:role/service-role/team/PortalReadOnly",
        partition: "aws",
        accountId: "111122223333",
        path: "/service-role/team/",
        roleName: "PortalReadOnly",
      },
    });
  });

  it("trims spaces, tabs, CR/LF, no-break and zero-width spaces at the ends (C2)", () => {
    const result = parseRoleArn(" \t\u00a0\u200barn:aws:iam::111122223333:role/PortalReadOnly\r\n\ufeff");
    expect(result.ok).toBe(true);
    expect(result.ok ? result.value.arn : undefined).toBe("arn:aws:iam::111122223333:role/PortalReadOnly");
  });

  it("accepts China and GovCloud partitions", () => {
    expect(parseRoleArn("arn:aws-cn:iam::111122223333:role/R").ok).toBe(true);
    expect(parseRoleArn("arn:aws-us-gov:iam::111122223333:role/R").ok).toBe(true);
  });

  it("rejects an empty ARN (C3)", () => {
    expect(messageOf("  \r\n")).toBe(
      "AWS Role ARN is required. Paste the RoleArn output of the stack, for example arn:aws:iam::111122223333:role/XOps360Integration.",
    );
  });

  it("rejects an account ID that is not 12 digits (C3)", () => {
    expect(messageOf("arn:aws:iam::None:role/Reader")).toBe(
      'AWS Role ARN must contain a 12-digit AWS account ID, but it contains "None". Copy the RoleArn output of the stack.',
    );
    expect(messageOf("arn:aws:iam::11112222333:role/Reader")).toBe(
      'AWS Role ARN must contain a 12-digit AWS account ID, but it contains "11112222333". Copy the RoleArn output of the stack.',
    );
  });

  it("rejects inner space", () => {
    expect(messageOf("arn:aws:iam::111122223333:role/Portal ReadOnly")).toBe(
      "AWS Role ARN contains a space or control character inside it. Copy the RoleArn output again without line breaks or spaces.",
    );
    expect(messageOf("arn:aws:iam::111122223333:role/Portal\u200bReadOnly")).toBe(
      "AWS Role ARN contains a space or control character inside it. Copy the RoleArn output again without line breaks or spaces.",
    );
  });

  it("rejects an assumed-role session ARN", () => {
    expect(messageOf("arn:aws:sts::111122223333:assumed-role/PortalReadOnly/session")).toBe(
      "AWS Role ARN is an STS assumed-role session ARN (arn:aws:sts::…:assumed-role/…), not the role itself. Paste the RoleArn output of the stack, which starts with arn:aws:iam:: and contains :role/.",
    );
  });

  it("rejects a user ARN", () => {
    expect(messageOf("arn:aws:iam::111122223333:user/alice")).toBe(
      "AWS Role ARN names an IAM user, not a role. The portal connects through the role the stack created: paste the stack's RoleArn output.",
    );
  });

  it("rejects an instance profile ARN", () => {
    expect(messageOf("arn:aws:iam::111122223333:instance-profile/Web")).toBe(
      "AWS Role ARN names an instance profile, not a role. Paste the stack's RoleArn output, which contains :role/ instead of :instance-profile/.",
    );
  });

  it("rejects a value that is not an ARN", () => {
    expect(messageOf("PortalReadOnly")).toBe(
      'AWS Role ARN must start with "arn:" and have the form arn:aws:iam::111122223333:role/XOps360Integration.',
    );
  });

  it("rejects an unknown partition", () => {
    expect(messageOf("arn:aws-iso:iam::111122223333:role/R")).toBe(
      'AWS Role ARN has the unknown partition "aws-iso". Use aws, aws-cn or aws-us-gov.',
    );
  });

  it("rejects a role name over 64 characters", () => {
    const name = "R".repeat(65);
    expect(messageOf(`arn:aws:iam::111122223333:role/${name}`)).toBe(
      `AWS Role ARN has an invalid role name "${name}": it must be 1 to 64 letters, digits or the characters + = , . @ _ -.`,
    );
  });

  it("rejects an empty role name", () => {
    expect(messageOf("arn:aws:iam::111122223333:role/path/")).toBe(
      'AWS Role ARN has an invalid role name "": it must be 1 to 64 letters, digits or the characters + = , . @ _ -.',
    );
  });

  it("rejects a path over 512 characters", () => {
    const path = `/${"p".repeat(511)}/`;
    expect(messageOf(`arn:aws:iam::111122223333:role${path}R`)).toBe(
      `AWS Role ARN has an invalid role path "${path}": it must be "/" alone, or start and end with "/" with at least one printable character between, at most 512 characters in all.`,
    );
  });

  it("rejects an empty path segment", () => {
    expect(messageOf("arn:aws:iam::111122223333:role//x")).toBe(
      'AWS Role ARN has an invalid role path "//": it must be "/" alone, or start and end with "/" with at least one printable character between, at most 512 characters in all.',
    );
  });

  it("rejects a region in an IAM ARN", () => {
    expect(messageOf("arn:aws:iam:us-east-1:111122223333:role/R")).toBe(
      "AWS Role ARN must not contain a region: IAM role ARNs look like arn:aws:iam::111122223333:role/Name.",
    );
  });
});
