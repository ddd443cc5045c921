import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * Returns the portal's URL for SSO browser tests, with localhost in place of 127.0.0.1. Next.js reports
 * a request to 127.0.0.1 as one to localhost, so Auth.js sends a localhost redirect_uri to the token
 * endpoint. The browser must use localhost too, because the IdP rejects a code whose redirect_uri differs.
 */
export function ssoBaseUrl(baseUrl: string): string {
  return baseUrl.replace("//127.0.0.1:", "//localhost:");
}

export const TEST_IDP_SCOPE = "openid email profile groups";

/**
 * Returns the claims of a test user, derived from the login typed on the provider's login page: the login is the
 * e-mail, verified unless it starts with "unverified", and logins that start with "ops" are in the group
 * "xops-operators".
 */
function claimsFor(login: string) {
  return {
    sub: `sub-${login}`,
    email: login,
    email_verified: !login.startsWith("unverified"),
    name: login.split("@")[0],
    groups: login.startsWith("ops") ? ["xops-operators"] : [],
  };
}

/**
 * Starts a real OpenID Provider (the `oidc-provider` package) on a loopback port, with its development
 * login page, which accepts any login and password, and one confidential client for the portal.
 */
export async function startTestIdentityProvider(portalBaseUrl: string): Promise<TestIdentityProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "xops-portal";
  const clientSecret = "test-client-secret-that-is-long-enough";

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${portalBaseUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    // Real IdPs put the e-mail into the ID token, which is what Auth.js reads.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["xops-e2e-cookie-key"] },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => claimsFor(id) }),
    // A first-party client needs no consent screen: grant the requested scopes after the login.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (!accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope(TEST_IDP_SCOPE);
      await grant.save();
      return grant;
    },
  });

  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
