import { stringify } from "yaml";
import type { AwsAccountType } from "@/db/schema";

/**
 * Version of the integration template. Connect compares a stack's TemplateVersion output with it and
 * asks the user to update older stacks, so bump it whenever the template's role or policies change.
 */
export const TEMPLATE_VERSION = "1.0.0";

/** The tag on the integration role that carries its stack's ID, so connect can find the stack's region. */
export const STACK_ID_TAG = "xops360:stack-id";
export const DEFAULT_ROLE_NAME = "XOps360Integration";
export const STACK_NAME = "XOps360-Integration";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const sub = (value: string): Json => ({ "Fn::Sub": value });
const ref = (name: string): Json => ({ Ref: name });

interface Permission {
  sid: string;
  actions: string[];
  /** Why the portal needs these actions, shown in the setup guide. */
  reason: string;
}

// Read-only permissions by account type. A management account also reads Organizations and billing.
const PERMISSIONS: Record<AwsAccountType, Permission[]> = {
  management: [
    {
      sid: "ReadOrganization",
      actions: ["organizations:DescribeOrganization", "organizations:DescribeAccount", "organizations:ListAccounts"],
      reason: "Check that this is the organization's management account and list its member accounts.",
    },
    {
      sid: "ReadBilling",
      actions: ["ce:GetCostAndUsage", "ce:GetDimensionValues", "budgets:ViewBudget"],
      reason: "Show cost and budget overviews for the organization.",
    },
  ],
  linked: [
    {
      sid: "ReadOrganization",
      actions: ["organizations:DescribeOrganization"],
      reason: "Check which organization this account belongs to, so it is placed under its management account.",
    },
  ],
};

export function templatePermissions(type: AwsAccountType): Permission[] {
  return PERMISSIONS[type];
}

/** Builds the CloudFormation template for an account type as a plain object. */
export function buildTemplate(type: AwsAccountType): Record<string, Json> {
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `XOps 360 Portal integration role for an AWS ${type} account (template ${TEMPLATE_VERSION}). Read-only.`,
    Parameters: {
      ExternalId: {
        Type: "String",
        // Not NoEcho: the console's quick-create link fills it in, and it is not a password.
        Description: "External ID of your XOps 360 workspace, shown in the setup guide.",
        MinLength: 32,
        MaxLength: 1224,
        AllowedPattern: "^[A-Za-z0-9-]+$",
      },
      PlatformPrincipalArn: {
        Type: "String",
        Description: "ARN of the XOps 360 Portal's AWS identity, shown in the setup guide.",
        AllowedPattern: "^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:.+$",
      },
      RoleName: {
        Type: "String",
        Default: DEFAULT_ROLE_NAME,
        AllowedPattern: "^[\\w+=,.@-]{1,64}$",
      },
    },
    Resources: {
      IntegrationRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          RoleName: ref("RoleName"),
          Description: "Read-only access for XOps 360 Portal",
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Principal: { AWS: ref("PlatformPrincipalArn") },
                Action: "sts:AssumeRole",
                // The External ID condition stops another workspace of the portal from using this role.
                Condition: { StringEquals: { "sts:ExternalId": ref("ExternalId") } },
              },
            ],
          },
          ManagedPolicyArns: [sub("arn:${AWS::Partition}:iam::aws:policy/SecurityAudit")],
          Policies: [
            {
              PolicyName: "XOps360ReadOwnStack",
              PolicyDocument: {
                Version: "2012-10-17",
                Statement: [
                  { Sid: "DescribeOwnStack", Effect: "Allow", Action: ["cloudformation:DescribeStacks"], Resource: ref("AWS::StackId") },
                  {
                    Sid: "ReadOwnRole",
                    Effect: "Allow",
                    Action: ["iam:GetRole"],
                    Resource: sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}"),
                  },
                ],
              },
            },
            {
              PolicyName: `XOps360Read${type === "management" ? "Management" : "Linked"}`,
              PolicyDocument: {
                Version: "2012-10-17",
                Statement: PERMISSIONS[type].map((p) => ({ Sid: p.sid, Effect: "Allow", Action: p.actions, Resource: "*" })),
              },
            },
          ],
          Tags: [{ Key: STACK_ID_TAG, Value: ref("AWS::StackId") }],
        },
      },
    },
    Outputs: {
      RoleArn: { Description: "Paste this value into AWS Role ARN in XOps 360 Portal.", Value: { "Fn::GetAtt": ["IntegrationRole", "Arn"] } },
      AccountType: { Value: type },
      TemplateVersion: { Value: TEMPLATE_VERSION },
    },
  };
}

export function renderTemplateYaml(type: AwsAccountType): string {
  // Quote date-like values such as "2010-09-09": YAML 1.1 parsers read them as timestamps.
  return stringify(buildTemplate(type), { lineWidth: 0 }).replace(/: (\d{4}-\d{2}-\d{2})$/gm, ': "$1"');
}
