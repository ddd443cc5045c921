import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";

import type { Partition } from "./types";

const UPPER_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function randomUpper(length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += UPPER_ALPHANUMERIC[randomInt(UPPER_ALPHANUMERIC.length)];
  return text;
}

/** Creates an IAM unique ID with AWS's prefix for the entity type (AROA role, AIDA user, ANPA policy, AKIA/ASIA keys). */
export function uniqueId(prefix: "AROA" | "AIDA" | "ANPA" | "AKIA" | "ASIA"): string {
  return prefix + randomUpper(prefix === "AKIA" || prefix === "ASIA" ? 16 : 17);
}

export function secretAccessKey(): string {
  return randomBytes(30).toString("base64").slice(0, 40);
}

export function sessionToken(): string {
  return "IQoJb3JpZ2luX2VjE" + randomBytes(180).toString("base64");
}

export function requestId(): string {
  return randomUUID();
}

export function uuid(): string {
  return randomUUID();
}

/** Creates a 12-digit account ID that does not start with 0. */
export function accountId(): string {
  return String(randomInt(100_000_000_000, 1_000_000_000_000));
}

export const PLATFORM_ACCOUNT_ID = "123456789012";
export const PLATFORM_USER_NAME = "xops-portal";

const PLATFORM_KEY_SUFFIX: Record<Partition, string> = { aws: "0AWS", "aws-cn": "00CN", "aws-us-gov": "0GOV" };

/**
 * Returns the platform user's long-term key for a partition. The values are fixed so that a restarted
 * development emulator keeps accepting the key the portal was configured with. They are not secret.
 */
export function platformKey(partition: Partition): { accessKeyId: string; secretAccessKey: string } {
  const secret = createHash("sha256").update(`xops-emulator-platform-${partition}`).digest("base64").slice(0, 40);
  return { accessKeyId: `AKIAXOPSPLATFORM${PLATFORM_KEY_SUFFIX[partition]}`, secretAccessKey: secret };
}

/** Returns the platform user's unique ID, fixed per partition like its key. */
export function platformUserId(partition: Partition): string {
  return `AIDAXOPSPLATFORM${PLATFORM_KEY_SUFFIX[partition]}0`;
}
