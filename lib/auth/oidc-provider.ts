import type { OIDCConfig } from "next-auth/providers";
import type { OidcSettings } from "./settings";

export const OIDC_PROVIDER_ID = "oidc";

/**
 * Builds the generic OpenID Connect provider for Okta, Microsoft Entra ID, Google Workspace, Keycloak and
 * others. Auth.js reads the claims from the ID token, so the IdP must put `email` into it, and the groups
 * claim when group mappings are used. AUTH_OIDC_SCOPE adds scopes such as `groups` that some IdPs require.
 */
export function oidcProvider(settings: OidcSettings): OIDCConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: process.env.AUTH_OIDC_SCOPE?.trim() || "openid email profile" } },
    profile(profile) {
      return {
        id: String(profile.sub),
        email: typeof profile.email === "string" ? profile.email : null,
        name: typeof profile.name === "string" ? profile.name : null,
      };
    },
  };
}
