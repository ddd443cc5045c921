import type { AwsAccountType } from "@/db/schema";
import { PARTITIONS, regionForPartition, type Partition } from "./partitions";
import { DEFAULT_ROLE_NAME, STACK_NAME, TEMPLATE_VERSION } from "./template-definition";

export interface QuickCreateRequest {
  partition: Partition;
  accountType: AwsAccountType;
  /** Base URL of the published templates, such as https://bucket.s3.amazonaws.com/xops360 */
  templateBaseUrl: string;
  externalId: string;
  principalArn: string;
  region?: string;
}

/** Returns the published template's file name, which scripts/publish-templates.ts also writes. */
export function templateFileName(accountType: AwsAccountType): string {
  return `${TEMPLATE_VERSION}/xops360-${accountType}-account.yaml`;
}

/**
 * Builds the CloudFormation console's quick-create link with the stack name and every parameter filled
 * in. The parameters live in the URL's fragment; URLSearchParams encodes "&", "=" and "#" inside values,
 * so a value can never add or change another parameter.
 */
export function buildQuickCreateUrl(request: QuickCreateRequest): string {
  const region = request.region ?? regionForPartition(request.partition);
  const templateUrl = `${request.templateBaseUrl.replace(/\/+$/, "")}/${templateFileName(request.accountType)}`;

  const fragment = new URLSearchParams({
    templateURL: templateUrl,
    stackName: STACK_NAME,
    param_ExternalId: request.externalId,
    param_PlatformPrincipalArn: request.principalArn,
    param_RoleName: DEFAULT_ROLE_NAME,
  });
  const url = new URL(`https://${PARTITIONS[request.partition].consoleHost}/cloudformation/home`);
  url.searchParams.set("region", region);
  return `${url.toString()}#/stacks/quickcreate?${fragment.toString()}`;
}

/** Returns the template base URL the operator configured, or undefined when the templates are not published. */
export function configuredTemplateBaseUrl(): string | undefined {
  const value = process.env.XOPS_TEMPLATE_BASE_URL?.trim();
  return value && /^https:\/\//.test(value) ? value : undefined;
}
