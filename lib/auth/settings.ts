import { z } from "zod";
import { memberRole } from "@/db/schema";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The identity provider's name on the sign-in button: "Sign in with <name>". */
  name: string;
  /** The ID token or userinfo claim that lists the user's groups. */
  groupsClaim: string;
  /**
   * Treats every e-mail the identity provider sends as verified. For providers that issue only addresses
   * of their own tenant and send no `email_verified` claim, such as a single-tenant Microsoft Entra ID.
   */
  trustEmail: boolean;
}

/** OIDC SSO from AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET, or undefined when any is unset. */
export function oidcSettings(): OidcSettings | undefined {
  const issuer = process.env.AUTH_OIDC_ISSUER?.trim();
  const clientId = process.env.AUTH_OIDC_CLIENT_ID?.trim();
  const clientSecret = process.env.AUTH_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return undefined;

  return {
    issuer,
    clientId,
    clientSecret,
    name: process.env.AUTH_OIDC_NAME?.trim() || "SSO",
    groupsClaim: process.env.AUTH_OIDC_GROUPS_CLAIM?.trim() || "groups",
    trustEmail: process.env.AUTH_OIDC_TRUST_EMAIL === "1",
  };
}

/** Local e-mail and password accounts are on unless XOPS_LOCAL_ACCOUNTS is `off`; then only SSO signs in. */
export function localAccountsEnabled(): boolean {
  return process.env.XOPS_LOCAL_ACCOUNTS?.trim().toLowerCase() !== "off";
}

const DEFAULT_SESSION_HOURS = 8;

/** Returns how long a session lasts after sign-in, in seconds, from XOPS_SESSION_MAX_AGE_HOURS (8 hours by default). */
export function sessionMaxAgeSeconds(): number {
  const hours = Number(process.env.XOPS_SESSION_MAX_AGE_HOURS ?? DEFAULT_SESSION_HOURS);
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new Error(`XOPS_SESSION_MAX_AGE_HOURS must be a positive number of hours, but it is "${process.env.XOPS_SESSION_MAX_AGE_HOURS}"`);
  }
  return Math.round(hours * 3600);
}

const DEFAULT_INVITATION_HOURS = 72;

/** Returns how long an invitation link stays valid, in milliseconds, from XOPS_INVITATION_TTL_HOURS (72 hours by default). */
export function invitationTtlMs(): number {
  const hours = Number(process.env.XOPS_INVITATION_TTL_HOURS ?? DEFAULT_INVITATION_HOURS);
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new Error(`XOPS_INVITATION_TTL_HOURS must be a positive number of hours, but it is "${process.env.XOPS_INVITATION_TTL_HOURS}"`);
  }
  return hours * 3600 * 1000;
}

const domainPattern = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const mappingSchema = z.union([
  z.strictObject({
    domain: z.string().trim().toLowerCase().regex(domainPattern, "domain must be a DNS name such as example.com"),
    workspaceId: z.uuid(),
    role: z.enum(memberRole.enumValues),
  }),
  z.strictObject({
    group: z.string().trim().min(1),
    workspaceId: z.uuid(),
    role: z.enum(memberRole.enumValues),
  }),
]);

export type SsoMapping = z.infer<typeof mappingSchema>;

/**
 * Parses the operator's SSO mappings from XOPS_SSO_MAPPINGS: a JSON array of `{domain, workspaceId, role}` and
 * `{group, workspaceId, role}`. An invalid value throws, so a typo stops sign-in instead of letting users
 * into no workspace or the wrong one.
 */
export function ssoMappings(raw = process.env.XOPS_SSO_MAPPINGS): SsoMapping[] {
  if (!raw?.trim()) return [];

  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`XOPS_SSO_MAPPINGS is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = z.array(mappingSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`XOPS_SSO_MAPPINGS is invalid at ${issue?.path.join(".") || "the top level"}: ${issue?.message}`);
  }
  return parsed.data;
}
