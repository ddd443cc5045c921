import type { AwsAccountType } from "@/db/schema";
import {
  ACCOUNT_TYPE_TAG,
  DEFAULT_ROLE_NAME,
  MAX_SESSION_DURATION_SECONDS,
  PARAMETER_DESCRIPTIONS,
  permissionStatements,
  TEMPLATE_VERSION,
  TEMPLATE_VERSION_TAG,
} from "./template-definition";

const PARTITION = "${data.aws_partition.current.partition}";
const ACCOUNT_ID = "${data.aws_caller_identity.current.account_id}";

/**
 * Renders the integration role as a one-file Terraform module, from the same definition as the
 * CloudFormation template. A Terraform role has no stack, so it carries its account type and template
 * version as tags, which connect reads in place of stack outputs.
 */
export function renderTerraformModule(type: AwsAccountType): string {
  const statements = permissionStatements(type)
    .filter((statement) => statement.resources !== "ownStack")
    .map((statement) => ({
      Sid: statement.sid,
      Effect: "Allow",
      Action: statement.actions,
      Resource: (statement.resources as string[]).map((resource) =>
        resource.replaceAll("${Partition}", PARTITION).replaceAll("${AccountId}", ACCOUNT_ID).replaceAll("${RoleName}", "${var.role_name}"),
      ),
    }));
  const trustPolicy = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: "${var.platform_principal_arn}" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": "${var.external_id}" } },
      },
    ],
  };
  // HCL object constructors accept JSON syntax, and "${…}" inside its strings is HCL interpolation.
  const hclJson = (value: unknown) => JSON.stringify(value, null, 2).replaceAll("\n", "\n  ");

  return `# XOps 360 Portal read-only integration role for an AWS ${type} account (version ${TEMPLATE_VERSION}).
# terraform init && terraform apply -var external_id=... -var platform_principal_arn=...
# then paste the role_arn output into "AWS Role ARN" in the portal.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "external_id" {
  type        = string
  description = "${PARAMETER_DESCRIPTIONS.ExternalId}"

  validation {
    condition     = can(regex("^[A-Za-z0-9-]{32,1224}$", var.external_id))
    error_message = "external_id must be the External ID shown in the setup guide: at least 32 letters, digits or hyphens."
  }
}

variable "platform_principal_arn" {
  type        = string
  description = "${PARAMETER_DESCRIPTIONS.PlatformPrincipalArn}"

  validation {
    condition     = can(regex("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:(user|role)/.+$", var.platform_principal_arn))
    error_message = "platform_principal_arn must be the platform principal ARN shown in the setup guide."
  }
}

variable "role_name" {
  type        = string
  description = "${PARAMETER_DESCRIPTIONS.RoleName}"
  default     = "${DEFAULT_ROLE_NAME}"
}

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

resource "aws_iam_role" "integration" {
  name                 = var.role_name
  description          = "Read-only access for XOps 360 Portal"
  max_session_duration = ${MAX_SESSION_DURATION_SECONDS}
  assume_role_policy   = jsonencode(${hclJson(trustPolicy)})

  tags = {
    "${ACCOUNT_TYPE_TAG}"     = "${type}"
    "${TEMPLATE_VERSION_TAG}" = "${TEMPLATE_VERSION}"
  }
}

resource "aws_iam_role_policy" "read_only" {
  name   = "XOps360ReadOnly"
  role   = aws_iam_role.integration.id
  policy = jsonencode(${hclJson({ Version: "2012-10-17", Statement: statements })})
}

output "role_arn" {
  description = "Paste this value into AWS Role ARN in XOps 360 Portal."
  value       = aws_iam_role.integration.arn
}

output "account_type" {
  value = "${type}"
}

output "template_version" {
  value = "${TEMPLATE_VERSION}"
}
`;
}
