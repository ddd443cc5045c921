/**
 * Returns a callback path only when it is a path on this portal: it starts with one "/" and contains no
 * backslash or control character, so "//evil.example" or "/\evil.example" cannot send the user elsewhere.
 */
export function safeCallbackPath(value: FormDataEntryValue | string | null | undefined): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return undefined;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}
