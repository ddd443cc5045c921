/** Errors and input checks shared by the control endpoint's routes. */
import { isPartition } from "./partitions";
import type { Partition } from "./types";

/** A control request that cannot be served, answered with `status` and `{ error: message }`. */
export class ControlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export type Body = Record<string, unknown>;

export function partitionOf(value: unknown): Partition {
  if (!isPartition(value)) throw new ControlError(400, `Invalid partition ${JSON.stringify(value)}: expected aws, aws-cn or aws-us-gov.`);
  return value;
}

/** Reads an optional 12-digit account ID. */
export function optionalAccountId(value: unknown, name = "accountId"): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^\d{12}$/.test(value)) {
    throw new ControlError(400, `Invalid ${name} ${JSON.stringify(value)}: expected 12 digits.`);
  }
  return value;
}

export function requiredString(input: Body, name: string): string {
  const value = input[name];
  if (typeof value !== "string" || value === "") throw new ControlError(400, `Missing ${name}: expected a non-empty string.`);
  return value;
}

export function optionalString(input: Body, name: string): string | undefined {
  const value = input[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new ControlError(400, `Invalid ${name} ${JSON.stringify(value)}: expected a string.`);
  return value;
}

/** Reads a map of strings, such as stack parameters or tags. */
export function stringRecord(input: Body, name: string): Record<string, string> {
  const value = input[name];
  if (value === undefined) return {};
  const valid = typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === "string");
  if (!valid) throw new ControlError(400, `Invalid ${name}: expected an object whose values are strings.`);
  return value as Record<string, string>;
}

/** Reads a policy given as a JSON object or as JSON text, and returns it as text. */
export function policyText(value: unknown, name: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return JSON.stringify(value);
  throw new ControlError(400, `Invalid ${name}: expected a policy document as an object or JSON text.`);
}
