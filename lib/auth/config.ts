import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { logger } from "@/lib/logger";
import { oidcProvider, OIDC_PROVIDER_ID } from "./oidc-provider";
import { authSecret } from "./secret";
import { isSessionCurrent, sessionVersionOf } from "./session-version";
import { localAccountsEnabled, oidcSettings, sessionMaxAgeSeconds, ssoMappings } from "./settings";
import { claimsFromProfile, resolveSsoSignIn } from "./sso";
import { authenticateLocalUser } from "./users";

const credentialsSchema = z.object({
  email: z.string().trim().min(1),
  password: z.string().min(1),
});

class InvalidLogin extends CredentialsSignin {
  code = "invalid_credentials";
}

const localSignIn = Credentials({
  credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
  async authorize(raw) {
    const parsed = credentialsSchema.safeParse(raw);
    if (!parsed.success) throw new InvalidLogin();

    const user = await authenticateLocalUser(await getDb(), parsed.data.email, parsed.data.password);
    if (!user) {
      logger.info({ event: "sign_in_failed" }, "local sign-in failed: wrong e-mail or password");
      throw new InvalidLogin();
    }
    logger.info({ event: "sign_in", userId: user.id }, "local sign-in");
    return user;
  },
});

const oidc = oidcSettings();
const maxAge = sessionMaxAgeSeconds();

/**
 * Auth.js with JWT sessions, which the Credentials provider requires. Cookies get the `__Secure-` prefix
 * and the Secure flag when the portal's URL is https: AUTH_URL when set, otherwise the request's
 * protocol, which behind a TLS-terminating proxy comes from X-Forwarded-Proto (trusted via trustHost).
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  // Self-hosted installs sit behind their own reverse proxy; the Host header names the portal.
  trustHost: true,
  session: { strategy: "jwt", maxAge },
  pages: { signIn: "/signin", error: "/signin" },
  // Auth.js's own errors go to the portal's logger. A wrong password is already logged as one line
  // (sign_in_failed) and is no server error, so its stack trace is left out.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin") return;
      logger.error({ err: error, event: "auth_error" }, "Auth.js error");
    },
    warn(code) {
      logger.warn({ event: "auth_warning", code }, "Auth.js warning");
    },
    debug() {},
  },
  providers: [...(localAccountsEnabled() ? [localSignIn] : []), ...(oidc ? [oidcProvider(oidc)] : [])],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      if (!oidc || !profile) return false;

      const claims = claimsFromProfile(profile, oidc);
      const result = await resolveSsoSignIn(await getDb(), OIDC_PROVIDER_ID, claims, ssoMappings());
      if (!result.ok) {
        logger.info({ event: "sso_sign_in_rejected", reason: result.reason, groups: claims.groups.length }, "SSO sign-in rejected");
        return `/signin?error=${result.reason}`;
      }
      logger.info({ event: "sign_in", userId: result.userId, provider: OIDC_PROVIDER_ID, joinedWorkspaceId: result.joinedWorkspaceId }, "SSO sign-in");
      // Auth.js passes this same object on to the jwt callback, which stores its ID as the token's subject:
      // from here on the session names the portal's user, not the IdP's subject.
      user.id = result.userId;
      return true;
    },
    async jwt({ token, user }) {
      const db = await getDb();
      if (user?.id) {
        return { ...token, sub: user.id, sessionVersion: (await sessionVersionOf(db, user.id)) ?? 0, signedInAt: Math.floor(Date.now() / 1000) };
      }
      // Runs on every request that reads the session: a removed member's or expired token ends here.
      if (!token.sub) return null;
      const current = await isSessionCurrent(db, { userId: token.sub, sessionVersion: token.sessionVersion, signedInAt: token.signedInAt }, maxAge);
      return current ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
