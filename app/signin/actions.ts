"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db/client";
import { failure, type ActionResult } from "@/lib/actions/result";
import { signIn } from "@/lib/auth/config";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc-provider";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { localAccountsEnabled, oidcSettings } from "@/lib/auth/settings";
import { signUpLocalUser, signUpSchema } from "@/lib/auth/sign-up";
import { logger } from "@/lib/logger";
import { landingPathForEmail } from "@/lib/workspace/landing";

const INVALID_LOGIN = "E-mail or password is incorrect. Check both and try again.";

// Only presence and size are checked here: the stored hash decides whether the password is right.
const signInSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

function localAccountsOff(): ActionResult {
  const sso = oidcSettings();
  return failure(`Local accounts are switched off on this portal.${sso ? ` Sign in with ${sso.name} instead.` : ""}`);
}

export async function signInAction(_previous: ActionResult | undefined, form: FormData): Promise<ActionResult> {
  if (!localAccountsEnabled()) return localAccountsOff();
  const parsed = signInSchema.safeParse({ email: form.get("email") ?? "", password: form.get("password") ?? "" });
  if (!parsed.success) return failure("Enter your e-mail and password.");

  return signInWithPassword(parsed.data.email, parsed.data.password, safeCallbackPath(form.get("callbackUrl")));
}

export async function signUpAction(_previous: ActionResult | undefined, form: FormData): Promise<ActionResult> {
  if (!localAccountsEnabled()) return localAccountsOff();
  const parsed = signUpSchema.safeParse({
    email: form.get("email"),
    password: form.get("password"),
    invitationToken: form.get("invitationToken") || undefined,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return failure("Check the highlighted fields.", fieldErrors);
  }

  const created = await signUpLocalUser(await getDb(), parsed.data);
  if (!created.ok) return created;
  logger.info({ event: "sign_up", userId: created.data.userId, workspaceId: created.data.workspaceId, invited: Boolean(parsed.data.invitationToken) }, "local user signed up");

  return signInWithPassword(parsed.data.email, parsed.data.password);
}

/** Starts the OIDC sign-in: redirects to the identity provider, which redirects back to /api/auth/callback/oidc. */
export async function signInWithSsoAction(form: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackPath(form.get("callbackUrl")) ?? "/" });
}

// signIn redirects by throwing; only Auth.js's own errors are expected failures.
async function signInWithPassword(email: string, password: string, callbackPath?: string): Promise<ActionResult> {
  try {
    // Redirecting straight to the landing page keeps the browser's URL right: a second redirect
    // during the action's render would leave the address bar at the first target.
    const redirectTo = callbackPath ?? (await landingPathForEmail(await getDb(), email));
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return failure(INVALID_LOGIN);
    throw error;
  }
  return failure(INVALID_LOGIN);
}
