import { z } from "zod";

export const ACCOUNT_NAME_MAX_LENGTH = 64;

// Format and default-ignorable characters, plus the braille blank (U+2800), which Unicode counts as a
// symbol but renders as empty space.
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
const VISIBLE = /[\p{L}\p{N}]/u;

/**
 * Turns a name from elsewhere, such as an AWS Organizations account name, into one the schema accepts:
 * control and invisible characters become spaces, runs of spaces collapse, and a name without any
 * letter or digit gives way to the fallback.
 */
export function sanitizeAccountName(raw: string, fallback: string): string {
  const cleaned = raw.replace(/[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu, " ").replace(/\s+/g, " ").trim();
  return VISIBLE.test(cleaned) ? cleaned : fallback;
}

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
      // Zero-width, filler and direction-changing characters would let two names look alike, or make a
      // name impossible to type in the delete confirmation.
      .refine((value) => !INVISIBLE.test(value), "AWS Account Name must not contain invisible formatting characters such as zero-width spaces or direction marks. Type the name again.")
      .refine((value) => VISIBLE.test(value), "AWS Account Name must contain at least one letter or digit."),
  );

export function nameTakenMessage(name: string): string {
  return `AWS Account Name "${name}" is already used in this workspace (names are compared ignoring case). Choose another name.`;
}
