import { describe, expect, it } from "vitest";
import { checkTrustPolicy } from "@/lib/aws/trust-policy";

const PORTAL = "arn:aws:iam::123456789012:user/xops-portal";

function encoded(statements: unknown): string {
  return encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: statements }));
}

function statement(overrides: Record<string, unknown>) {
  return { Effect: "Allow", Principal: { AWS: PORTAL }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "x" } }, ...overrides };
}

describe("checkTrustPolicy", () => {
  it("accepts the portal's principal alone", () => {
    expect(checkTrustPolicy(encoded([statement({})]), PORTAL)).toEqual({ ok: true });
    expect(checkTrustPolicy(encoded(statement({ Principal: { AWS: [PORTAL] } })), PORTAL)).toEqual({ ok: true });
  });

  it("rejects anyone", () => {
    expect(checkTrustPolicy(encoded([statement({ Principal: "*" })]), PORTAL)).toEqual({ ok: false, principals: ["*"] });
    expect(checkTrustPolicy(encoded([statement({ Principal: { AWS: [PORTAL, "*"] } })]), PORTAL)).toEqual({ ok: false, principals: ["*"] });
  });

  it("rejects an account root or account ID", () => {
    expect(checkTrustPolicy(encoded([statement({ Principal: { AWS: "123456789012" } })]), PORTAL)).toEqual({ ok: false, principals: ["123456789012"] });
  });

  it("rejects a second statement with a wildcard action", () => {
    const policy = encoded([statement({}), statement({ Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:Assume*" })]);
    expect(checkTrustPolicy(policy, PORTAL)).toEqual({ ok: false, principals: ["arn:aws:iam::999999999999:root"] });
  });

  it("rejects NotAction that leaves AssumeRole allowed", () => {
    const policy = encoded([statement({}), statement({ Principal: "*", Action: undefined, NotAction: "iam:*" })]);
    expect(checkTrustPolicy(policy, PORTAL)).toEqual({ ok: false, principals: ["*"] });
  });

  it("ignores statements that do not allow AssumeRole", () => {
    const policy = encoded([statement({}), statement({ Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:TagSession" }), statement({ Effect: "Deny", Principal: "*" })]);
    expect(checkTrustPolicy(policy, PORTAL)).toEqual({ ok: true });
  });

  it("names service and federated principals", () => {
    const policy = encoded([statement({ Principal: { Service: "ec2.amazonaws.com", Federated: "cognito-identity.amazonaws.com" } })]);
    expect(checkTrustPolicy(policy, PORTAL)).toEqual({ ok: false, principals: ["Service: ec2.amazonaws.com", "Federated: cognito-identity.amazonaws.com"] });
  });

  it("rejects a document it cannot read", () => {
    expect(checkTrustPolicy("%E0%A4%A", PORTAL)).toEqual({ ok: false, principals: ["(the trust policy could not be read)"] });
  });
});
