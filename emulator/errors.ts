/**
 * An error that the emulator returns to the client in the calling protocol's error shape.
 * `code` is AWS's error code (for example `AccessDenied`), `status` the HTTP status AWS uses for it.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly fault: "Sender" | "Receiver" = "Sender",
    /** Members of the error structure besides the message, such as InvalidInputException's `Reason`. JSON protocols only. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export function validationError(message: string): AwsError {
  return new AwsError("ValidationError", message, 400);
}

export function invalidClientTokenId(): AwsError {
  return new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
}

/** The throttling error of STS, IAM and CloudFormation, which all answer `Throttling` with "Rate exceeded". */
export function throttling(): AwsError {
  return new AwsError("Throttling", "Rate exceeded", 400);
}

/**
 * Authentication error codes of the query protocol and the names JSON-protocol services such as
 * Organizations use for the same failures.
 */
const JSON_AUTHENTICATION_CODES: Record<string, string> = {
  InvalidClientTokenId: "UnrecognizedClientException",
  SignatureDoesNotMatch: "InvalidSignatureException",
  ExpiredToken: "ExpiredTokenException",
  MissingAuthenticationToken: "MissingAuthenticationTokenException",
};

/** Renames an authentication error for a JSON-protocol service, keeping its message and status. */
export function forJsonProtocol(error: AwsError): AwsError {
  const code = JSON_AUTHENTICATION_CODES[error.code];
  return code === undefined ? error : new AwsError(code, error.message, error.status, error.fault, error.fields);
}
