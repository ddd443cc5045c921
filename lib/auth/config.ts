import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { logger } from "@/lib/logger";
import { authSecret } from "./secret";
import { authenticateLocalUser } from "./users";

const credentialsSchema = z.object({
  email: z.string().trim().min(1),
  password: z.string().min(1),
});

class InvalidLogin extends CredentialsSignin {
  code = "invalid_credentials";
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  // Self-hosted installs sit behind their own reverse proxy; the Host header names the portal.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
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
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
