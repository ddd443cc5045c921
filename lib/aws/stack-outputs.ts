import type { Stack } from "@aws-sdk/client-cloudformation";
import { validate as isArn } from "@aws-sdk/util-arn-parser";
import type { AwsAccountType } from "@/db/schema";
import type { RoleArn } from "./role-arn";
import { ACCOUNT_TYPE_TAG, TEMPLATE_VERSION, TEMPLATE_VERSION_TAG } from "./template-definition";

export type StackOutputFailureCode =
  | "stack_in_progress"
  | "stack_deleted"
  | "stack_failed"
  | "output_missing"
  | "output_not_arn"
  | "output_role_mismatch"
  | "account_type_mismatch";

export interface IntegrationVersion {
  templateVersion: string;
  outdated: boolean;
}

export type StackOutputCheck =
  | { ok: true; value: IntegrationVersion }
  | { ok: false; code: StackOutputFailureCode; detail: Record<string, string> };

const USABLE_STATUSES = new Set(["CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE"]);

/**
 * Checks a stack's status and its outputs against the role and account type the user chose.
 * Outputs are read by OutputKey: their order is not guaranteed, and a stack may carry others.
 */
export function checkStackOutputs(stack: Stack, role: RoleArn, accountType: AwsAccountType, region: string): StackOutputCheck {
  const status = stack.StackStatus ?? "UNKNOWN";
  const stackName = stack.StackName ?? "";
  if (status.endsWith("_IN_PROGRESS")) return fail("stack_in_progress", { status, stackName });
  // DescribeStacks still finds a deleted stack by its ID, with status DELETE_COMPLETE.
  if (status === "DELETE_COMPLETE") return fail("stack_deleted", { stackName, accountId: role.accountId, region });
  if (!USABLE_STATUSES.has(status)) return fail("stack_failed", { status, stackName, reason: stack.StackStatusReason ?? "" });

  const outputs = new Map((stack.Outputs ?? []).map((output) => [output.OutputKey ?? "", output.OutputValue ?? ""]));
  for (const key of ["RoleArn", "AccountType", "TemplateVersion"]) {
    if (!outputs.get(key)) return fail("output_missing", { key, stackName });
  }

  const roleArnOutput = outputs.get("RoleArn") ?? "";
  if (!isArn(roleArnOutput)) return fail("output_not_arn", { value: roleArnOutput, stackName });
  if (roleArnOutput !== role.arn) return fail("output_role_mismatch", { value: roleArnOutput, expected: role.arn, stackName });

  const typeOutput = outputs.get("AccountType") ?? "";
  if (typeOutput !== accountType) return fail("account_type_mismatch", { actual: typeOutput, expected: accountType, stackName });

  const templateVersion = outputs.get("TemplateVersion") ?? "";
  return { ok: true, value: { templateVersion, outdated: compareVersions(templateVersion, TEMPLATE_VERSION) < 0 } };
}

/**
 * Checks the tags of a role created by the Terraform module, which has no stack: its account type and
 * template version tags stand in for the stack outputs.
 */
export function checkRoleTags(tags: Record<string, string>, accountType: AwsAccountType): StackOutputCheck {
  const typeTag = tags[ACCOUNT_TYPE_TAG] ?? "";
  const templateVersion = tags[TEMPLATE_VERSION_TAG] ?? "";
  if (typeTag !== accountType) return fail("account_type_mismatch", { actual: typeTag, expected: accountType, stackName: "" });
  return { ok: true, value: { templateVersion, outdated: compareVersions(templateVersion, TEMPLATE_VERSION) < 0 } };
}

/** Compares dotted numeric versions such as "1.2.0"; a part that is not a number counts as 0. */
export function compareVersions(left: string, right: string): number {
  const a = left.split(".").map((part) => Number.parseInt(part, 10) || 0);
  const b = right.split(".").map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

function fail(code: StackOutputFailureCode, detail: Record<string, string>): StackOutputCheck {
  return { ok: false, code, detail };
}
