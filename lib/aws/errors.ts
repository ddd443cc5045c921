/** The AWS error code of an SDK error (its `name`), or a network error code, for logs and messages. */
export function awsErrorCode(error: unknown): string {
  if (error && typeof error === "object") {
    const { name, code } = error as { name?: unknown; code?: unknown };
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return code;
    if (typeof name === "string" && name !== "Error") return name;
  }
  return "UnknownError";
}

export function awsErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "TimeoutError"]);

export function isNetworkError(error: unknown): boolean {
  return NETWORK_CODES.has(awsErrorCode(error));
}

export function isThrottling(error: unknown): boolean {
  return ["Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded"].includes(awsErrorCode(error));
}
