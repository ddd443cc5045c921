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
    expect(checkTrustPolicy(encoded([statement({})]), PORTAL, "x")).toEqual({ ok: true });
    expect(checkTrustPolicy(encoded(statement({ Principal: { AWS: [PORTAL] } })), PORTAL, "x")).toEqual({ ok: true });
  });

  it("rejects anyone", () => {
    expect(checkTrustPolicy(encoded([statement({ Principal: "*" })]), PORTAL, "x")).toEqual({ ok: false, reason: "principals", principals: ["*"] });
    expect(checkTrustPolicy(encoded([statement({ Principal: { AWS: [PORTAL, "*"] } })]), PORTAL, "x")).toEqual({ ok: false, reason: "principals", principals: ["*"] });
  });

  it("rejects an account root or account ID", () => {
    expect(checkTrustPolicy(encoded([statement({ Principal: { AWS: "123456789012" } })]), PORTAL, "x")).toEqual({ ok: false, reason: "principals", principals: ["123456789012"] });
  });

  it("rejects a second statement with a wildcard action", () => {
    const policy = encoded([statement({}), statement({ Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:Assume*" })]);
    expect(checkTrustPolicy(policy, PORTAL, "x")).toEqual({ ok: false, reason: "principals", principals: ["arn:aws:iam::999999999999:root"] });
  });

  it("rejects NotAction that leaves AssumeRole allowed", () => {
    const policy = encoded([statement({}), statement({ Principal: "*", Action: undefined, NotAction: "iam:*" })]);
    expect(checkTrustPolicy(policy, PORTAL, "x")).toEqual({ ok: false, reason: "principals", principals: ["*"] });
  });

  it("ignores statements that do not allow AssumeRole", () => {
    const policy = encoded([statement({}), statement({ Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:TagSession" }), statement({ Effect: "Deny", Principal: "*" })]);
    expect(checkTrustPolicy(policy, PORTAL, "x")).toEqual({ ok: true });
  });

  it("names service and federated principals", () => {
    const policy = encoded([statement({ Principal: { Service: "ec2.amazonaws.com", Federated: "cognito-identity.amazonaws.com" } })]);
    expect(checkTrustPolicy(policy, PORTAL, "x")).toEqual({ ok: false, reason: "principals", principals: ["Service: ec2.amazonaws.com", "Federated: cognito-identity.amazonaws.com"] });
  });

  it("rejects an External ID condition other workspaces meet", () => {
    const loose = { ok: false, reason: "external_id_condition" };
    expect(checkTrustPolicy(encoded([statement({ Condition: { StringLike: { "sts:ExternalId": "?".repeat(40) } } })]), PORTAL, "x")).toEqual(loose);
    expect(checkTrustPolicy(encoded([statement({ Condition: { StringNotLike: { "sts:ExternalId": "*-*" }, Null: { "sts:ExternalId": "false" } } })]), PORTAL, "x")).toEqual(loose);
    expect(checkTrustPolicy(encoded([statement({ Condition: { StringEquals: { "sts:ExternalId": ["x", "y"] } } })]), PORTAL, "x")).toEqual(loose);
    expect(checkTrustPolicy(encoded([statement({ Condition: { StringEquals: { "sts:ExternalId": "other" } } })]), PORTAL, "x")).toEqual(loose);
    expect(checkTrustPolicy(encoded([statement({ Condition: undefined })]), PORTAL, "x")).toEqual(loose);
  });

  it("rejects web identity and SAML statements", () => {
    const federated = statement({ Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, Action: "sts:AssumeRoleWithWebIdentity" });
    expect(checkTrustPolicy(encoded([statement({}), federated]), PORTAL, "x")).toEqual({
      ok: false,
      reason: "principals",
      principals: ["Federated: arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"],
    });
  });

  it("treats a misspelled Effect as a grant", () => {
    expect(checkTrustPolicy(encoded([statement({}), statement({ Effect: "allow", Principal: "*" })]), PORTAL, "x")).toEqual({ ok: false, reason: "principals", principals: ["*"] });
  });

  it("rejects a document it cannot read", () => {
    expect(checkTrustPolicy("%E0%A4%A", PORTAL, "x")).toEqual({ ok: false, reason: "principals", principals: ["(the trust policy could not be read)"] });
  });
});
