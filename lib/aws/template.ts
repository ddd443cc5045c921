import { stringify } from "yaml";
import type { AwsAccountType } from "@/db/schema";
import {
  ACCOUNT_TYPE_TAG,
  MAX_SESSION_DURATION_SECONDS,
  PARAMETER_DESCRIPTIONS,
  permissionStatements,
  STACK_ID_TAG,
  TEMPLATE_VERSION,
  TEMPLATE_VERSION_TAG,
  DEFAULT_ROLE_NAME,
  type PermissionStatement,
} from "./template-definition";

export { DEFAULT_ROLE_NAME, STACK_ID_TAG, STACK_NAME, TEMPLATE_VERSION } from "./template-definition";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const sub = (value: string): Json => ({ "Fn::Sub": value });
const ref = (name: string): Json => ({ Ref: name });

// Every ARN is built from ${AWS::Partition}, so one template works in aws, aws-cn and aws-us-gov.
function cloudFormationResource(statement: PermissionStatement): Json {
  if (statement.resources === "ownStack") return ref("AWS::StackId");
  const resources = statement.resources.map((resource) =>
    resource === "*"
      ? "*"
      : sub(resource.replaceAll("${Partition}", "${AWS::Partition}").replaceAll("${AccountId}", "${AWS::AccountId}")),
  );
  return resources.length === 1 ? (resources[0] as Json) : resources;
}

/** Builds the CloudFormation template for an account type as a plain object. */
export function buildTemplate(type: AwsAccountType): Record<string, Json> {
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `XOps 360 Portal read-only integration role for an AWS ${type} account (template ${TEMPLATE_VERSION}).`,
    Parameters: {
      ExternalId: {
        Type: "String",
        // Not NoEcho: the console's quick-create link fills it in, and it is not a password.
        Description: PARAMETER_DESCRIPTIONS.ExternalId,
        MinLength: 32,
        MaxLength: 1224,
        AllowedPattern: "^[A-Za-z0-9-]+$",
        ConstraintDescription: "must be the External ID shown in the setup guide: at least 32 letters, digits or hyphens.",
      },
      PlatformPrincipalArn: {
        Type: "String",
        Description: PARAMETER_DESCRIPTIONS.PlatformPrincipalArn,
        AllowedPattern: "^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:(user|role)/.+$",
        ConstraintDescription: "must be the platform principal ARN shown in the setup guide.",
      },
      RoleName: {
        Type: "String",
        Default: DEFAULT_ROLE_NAME,
        Description: PARAMETER_DESCRIPTIONS.RoleName,
        AllowedPattern: "^[\\w+=,.@-]{1,64}$",
      },
    },
    Resources: {
      IntegrationRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          RoleName: ref("RoleName"),
          Description: "Read-only access for XOps 360 Portal",
          MaxSessionDuration: MAX_SESSION_DURATION_SECONDS,
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
          Policies: [
            {
              PolicyName: "XOps360ReadOnly",
              PolicyDocument: {
                Version: "2012-10-17",
                Statement: permissionStatements(type).map((statement) => ({
                  Sid: statement.sid,
                  Effect: "Allow",
                  Action: statement.actions,
                  Resource: cloudFormationResource(statement),
                })),
              },
            },
          ],
          Tags: [
            { Key: STACK_ID_TAG, Value: ref("AWS::StackId") },
            { Key: ACCOUNT_TYPE_TAG, Value: type },
            { Key: TEMPLATE_VERSION_TAG, Value: TEMPLATE_VERSION },
          ],
        },
      },
    },
    Outputs: {
      RoleArn: {
        Description: "Paste this value into AWS Role ARN in XOps 360 Portal.",
        Value: { "Fn::GetAtt": ["IntegrationRole", "Arn"] },
      },
      AccountType: { Description: "The account type this template is for.", Value: type },
      TemplateVersion: { Description: "Version of the XOps 360 integration template.", Value: TEMPLATE_VERSION },
    },
  };
}

export function renderTemplateYaml(type: AwsAccountType): string {
  // Quote date-like values such as "2010-09-09": YAML 1.1 parsers read them as timestamps.
  return stringify(buildTemplate(type), { lineWidth: 0 }).replace(/: (\d{4}-\d{2}-\d{2})$/gm, ': "$1"');
}
