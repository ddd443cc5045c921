import { z } from "zod";

export const ACCOUNT_NAME_MAX_LENGTH = 64;

/** AWS Account Name: trimmed, 1 to 64 characters, no control characters. Uniqueness is checked in the database. */
export const accountNameSchema = z
  .string({ error: "AWS Account Name is required." })
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .min(1, "AWS Account Name is required. Enter a name such as Production.")
      .max(ACCOUNT_NAME_MAX_LENGTH, `AWS Account Name must be at most ${ACCOUNT_NAME_MAX_LENGTH} characters. Shorten it.`)
      .refine((value) => !/\p{Cc}/u.test(value), "AWS Account Name must not contain control characters such as tabs or line breaks.")
      // Zero-width and direction-changing characters would let two names look alike, or make a name
      // impossible to type in the delete confirmation.
      .refine((value) => !/\p{Cf}/u.test(value), "AWS Account Name must not contain invisible formatting characters such as zero-width spaces or direction marks. Type the name again."),
  );

export function nameTakenMessage(name: string): string {
  return `AWS Account Name "${name}" is already used in this workspace (names are compared ignoring case). Choose another name.`;
}
