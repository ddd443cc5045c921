import type { ActionResult } from "@/lib/actions/result";

/** Returns a failed result's message, and throws when the result is a success, so the test fails there. */
export function failureMessage(result: ActionResult<unknown>): string {
  if (result.ok) throw new Error(`expected a failure, got success with data ${JSON.stringify(result.data)}`);
  return result.message;
}
