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

export function throttling(): AwsError {
  return new AwsError("Throttling", "Rate exceeded", 400);
}
