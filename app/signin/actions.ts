"use server";

import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { failure, type ActionResult } from "@/lib/actions/result";
import { signIn } from "@/lib/auth/config";
import { signUpLocalUser, signUpSchema } from "@/lib/auth/sign-up";
import { logger } from "@/lib/logger";
import { landingPathForEmail } from "@/lib/workspace/landing";

const INVALID_LOGIN = "E-mail or password is incorrect. Check both and try again.";

export async function signInAction(_previous: ActionResult | undefined, form: FormData): Promise<ActionResult> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  if (!email.trim() || !password) return failure("Enter your e-mail and password.");

  return signInWithPassword(email, password);
}

export async function signUpAction(_previous: ActionResult | undefined, form: FormData): Promise<ActionResult> {
  const parsed = signUpSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return failure("Check the highlighted fields.", fieldErrors);
  }

  const created = await signUpLocalUser(await getDb(), parsed.data);
  if (!created.ok) return created;
  logger.info({ event: "sign_up", userId: created.data.userId, workspaceId: created.data.workspaceId }, "local user signed up");

  return signInWithPassword(parsed.data.email, parsed.data.password);
}

// signIn redirects by throwing; only Auth.js's own errors are expected failures.
async function signInWithPassword(email: string, password: string): Promise<ActionResult> {
  try {
    // Redirecting straight to the landing page keeps the browser's URL right: a second redirect
    // during the action's render would leave the address bar at the first target.
    const redirectTo = await landingPathForEmail(await getDb(), email);
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return failure(INVALID_LOGIN);
    throw error;
  }
  return failure(INVALID_LOGIN);
}
