/**
 * Input validation against the constraints of AWS's service models (length, pattern, range, required),
 * producing AWS's message: "1 validation error detected: Value 'x' at 'roleSessionName' failed to
 * satisfy constraint: Member must have length greater than or equal to 2".
 */
import { validationError } from "./errors";

export interface Constraint {
  /** Member name as AWS prints it: the model's member name with a lower-case first letter. */
  member: string;
  value: string | number | undefined;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** The model's pattern text, printed in the message. `regex` is its JavaScript equivalent. */
  pattern?: string;
  regex?: RegExp;
  min?: number;
  max?: number;
}

export function validate(constraints: Constraint[]): void {
  const failures: string[] = [];
  for (const constraint of constraints) {
    for (const rule of failedRules(constraint)) {
      const value = constraint.value === undefined ? "null" : `'${constraint.value}'`;
      failures.push(`Value ${value} at '${constraint.member}' failed to satisfy constraint: ${rule}`);
    }
  }
  if (failures.length === 0) return;

  const count = failures.length === 1 ? "1 validation error" : `${failures.length} validation errors`;
  throw validationError(`${count} detected: ${failures.join("; ")}`);
}

function failedRules(constraint: Constraint): string[] {
  const { value } = constraint;
  if (value === undefined) return constraint.required ? ["Member must not be null"] : [];

  const rules: string[] = [];
  if (typeof value === "number") {
    if (constraint.min !== undefined && value < constraint.min) {
      rules.push(`Member must have value greater than or equal to ${constraint.min}`);
    }
    if (constraint.max !== undefined && value > constraint.max) {
      rules.push(`Member must have value less than or equal to ${constraint.max}`);
    }
    return rules;
  }

  if (constraint.minLength !== undefined && value.length < constraint.minLength) {
    rules.push(`Member must have length greater than or equal to ${constraint.minLength}`);
  }
  if (constraint.maxLength !== undefined && value.length > constraint.maxLength) {
    rules.push(`Member must have length less than or equal to ${constraint.maxLength}`);
  }
  if (constraint.regex && !constraint.regex.test(value)) {
    rules.push(`Member must satisfy regular expression pattern: ${constraint.pattern}`);
  }
  return rules;
}

/** Constraints shared by several operations, copied from the STS and IAM service models. */
export const PATTERNS = {
  roleSessionName: { pattern: "[\\w+=,.@-]*", regex: /^[\w+=,.@-]*$/ },
  externalId: { pattern: "[\\w+=,.@:\\/-]*", regex: /^[\w+=,.@:/-]*$/ },
  arn: {
    pattern: "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+",
    regex: /^[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u,
  },
  roleName: { pattern: "[\\w+=,.@-]+", regex: /^[\w+=,.@-]+$/ },
  policyName: { pattern: "[\\w+=,.@-]+", regex: /^[\w+=,.@-]+$/ },
  path: { pattern: "(\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F)", regex: /^(\/|\/[\u0021-\u007F]+\/)$/ },
} as const;
