import type { Statement } from "./policy";

const READ_ACTIONS = ["*:Get*", "*:List*", "*:Describe*", "*:BatchGet*", "*:View*", "*:Lookup*"];

/**
 * Approximations of AWS managed policies, by policy name. The real documents list hundreds of actions;
 * these keep their intent (read-only, no data or secret reads beyond metadata) at the wildcard level.
 * NOTE: an action the real policy grants may be denied here and the reverse, for actions outside
 * IAM, STS, CloudFormation and Organizations.
 */
const AWS_MANAGED_POLICIES: Record<string, Statement[]> = {
  AdministratorAccess: [{ Effect: "Allow", Action: "*", Resource: "*" }],
  ReadOnlyAccess: [{ Effect: "Allow", Action: READ_ACTIONS, Resource: "*" }],
  SecurityAudit: [
    {
      Effect: "Allow",
      Action: ["*:Get*", "*:List*", "*:Describe*", "iam:GenerateCredentialReport", "iam:GenerateServiceLastAccessedDetails"],
      Resource: "*",
    },
  ],
  ViewOnlyAccess: [
    { Effect: "Allow", Action: ["*:List*", "*:Describe*", "iam:GetAccountSummary"], Resource: "*" },
  ],
  AWSOrganizationsReadOnlyAccess: [
    { Effect: "Allow", Action: ["organizations:Describe*", "organizations:List*", "account:Get*"], Resource: "*" },
  ],
  AWSBillingReadOnlyAccess: [
    { Effect: "Allow", Action: ["aws-portal:View*", "billing:Get*", "billing:List*", "ce:Get*", "ce:Describe*", "ce:List*", "cur:Describe*"], Resource: "*" },
  ],
};

/** Returns the statements of an AWS managed policy ARN (`arn:<partition>:iam::aws:policy/<path><name>`), if known. */
export function awsManagedPolicy(arn: string): Statement[] | undefined {
  const match = /^arn:[a-z-]+:iam::aws:policy\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
  if (!match) return undefined;
  return AWS_MANAGED_POLICIES[match[1]!];
}
