import { headers } from "next/headers";

/**
 * Returns the portal's public origin for links in e-mails: AUTH_URL when the operator set it, else the
 * origin of the current request as the reverse proxy forwarded it.
 */
export async function portalOrigin(): Promise<string> {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;

  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${protocol}://${host}`;
}
