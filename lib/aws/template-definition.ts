import type { AwsAccountType } from "@/db/schema";

/**
 * Version of the integration role's definition. Connect compares a stack's TemplateVersion output (or a
 * Terraform role's version tag) with it and tells the user to update older ones, so bump it whenever the
 * role, its trust policy or its permissions change.
 */
export const TEMPLATE_VERSION = "1.1.0";

/** Tag on the integration role carrying its CloudFormation stack's ID, so connect finds the stack's region. */
export const STACK_ID_TAG = "xops360:stack-id";
/** Tags that Terraform-created roles carry in place of stack outputs. */
export const ACCOUNT_TYPE_TAG = "xops360:account-type";
export const TEMPLATE_VERSION_TAG = "xops360:template-version";

export const DEFAULT_ROLE_NAME = "XOps360Integration";
export const STACK_NAME = "XOps360-Integration";
export const MAX_SESSION_DURATION_SECONDS = 3600;

/**
 * One statement of the role's permissions. Resources use the placeholders ${Partition}, ${AccountId}
 * and ${RoleName}; `ownStack` stands for the CloudFormation stack that created the role.
 */
export interface PermissionStatement {
  sid: string;
  actions: string[];
  resources: string[] | "ownStack";
  /** The portal's reason for these actions, shown in the setup guide. */
  reason: string;
}

const READ_OWN_ROLE: PermissionStatement = {
  sid: "ReadOwnRole",
  actions: ["iam:GetRole"],
  // Both forms, because a role created with a path (role/service-role/Name) has the path in its ARN.
  resources: ["arn:${Partition}:iam::${AccountId}:role/${RoleName}", "arn:${Partition}:iam::${AccountId}:role/*/${RoleName}"],
  reason: "Read the role's own tags, which name the stack that created it, so the portal finds the stack in its region.",
};

const DESCRIBE_OWN_STACK: PermissionStatement = {
  sid: "DescribeOwnStack",
  actions: ["cloudformation:DescribeStacks"],
  resources: "ownStack",
  reason: "Read the stack's status and its outputs RoleArn, AccountType and TemplateVersion, and only of this one stack.",
};

// Read-only and least privilege: each statement is listed in the setup guide with its reason.
const PERMISSIONS: Record<AwsAccountType, PermissionStatement[]> = {
  management: [
    READ_OWN_ROLE,
    DESCRIBE_OWN_STACK,
    {
      sid: "ReadOrganization",
      actions: ["organizations:DescribeOrganization", "organizations:ListAccounts", "organizations:DescribeAccount"],
      resources: ["*"],
      reason: "Check that this is its organization's management account, and list the member accounts you can link.",
    },
    {
      sid: "ReadBilling",
      actions: ["ce:GetCostAndUsage", "ce:GetDimensionValues", "budgets:ViewBudget"],
      resources: ["*"],
      reason: "Show the organization's costs and budgets.",
    },
  ],
  linked: [
    READ_OWN_ROLE,
    DESCRIBE_OWN_STACK,
    {
      sid: "ReadOrganization",
      actions: ["organizations:DescribeOrganization"],
      resources: ["*"],
      reason: "Find the organization this account belongs to, so it is placed under its management account.",
    },
  ],
};

export function permissionStatements(type: AwsAccountType): PermissionStatement[] {
  return PERMISSIONS[type];
}

export const PARAMETER_DESCRIPTIONS = {
  ExternalId: "External ID of your XOps 360 workspace, shown in the setup guide.",
  PlatformPrincipalArn: "ARN of the XOps 360 Portal's AWS identity, shown in the setup guide.",
  RoleName: "Name of the IAM role to create.",
} as const;

export const ACCOUNT_TYPE_LABELS: Record<AwsAccountType, string> = {
  management: "Management Account",
  linked: "Linked Account",
};
