/**
 * True when a state-changing request to a route handler comes from the portal's own pages. Server
 * actions get this check from Next.js; route handlers must do it themselves.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
