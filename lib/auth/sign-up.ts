import { z } from "zod";
import type { Database } from "@/db/client";
import { auditEvents, memberships, users, workspaces } from "@/db/schema";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { generateExternalId } from "@/lib/workspace/external-id";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";
import { findUserByEmail, normalizeEmail } from "./users";

export const signUpSchema = z.object({
  email: z
    .string({ error: "E-mail is required." })
    .trim()
    .min(1, "E-mail is required.")
    .max(254, "E-mail must be at most 254 characters.")
    .pipe(z.email({ error: "E-mail must be an address such as name@example.com." }))
    .transform(normalizeEmail),
  password: z
    .string({ error: "Password is required." })
    .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters. Choose a longer one.`)
    .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

/**
 * Creates a local user with a new workspace, its External ID and the user as owner, in one transaction.
 * The password is stored only as an scrypt hash.
 */
export async function signUpLocalUser(db: Database, input: SignUpInput): Promise<ActionResult<{ userId: string; workspaceId: string }>> {
  if (await findUserByEmail(db, input.email)) {
    const message = "An account with this e-mail already exists. Sign in instead.";
    return failure(message, { email: message });
  }
  const passwordHash = await hashPassword(input.password);

  const created = await db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email: input.email, passwordHash }).returning({ id: users.id });
    const domain = input.email.split("@")[1] ?? "workspace";
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name: domain, externalId: generateExternalId() })
      .returning({ id: workspaces.id });
    if (!user || !workspace) throw new Error("insert returned no row");

    await tx.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: "owner" });
    await tx.insert(auditEvents).values({
      workspaceId: workspace.id,
      actorUserId: user.id,
      action: "workspace.created",
      targetType: "workspace",
      targetId: workspace.id,
      details: { after: { owner: input.email } },
    });
    return { userId: user.id, workspaceId: workspace.id };
  });
  return success(created);
}
