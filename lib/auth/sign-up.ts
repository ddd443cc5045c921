import { TransactionRollbackError } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { auditEvents, memberships, users, workspaces } from "@/db/schema";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { generateExternalId } from "@/lib/workspace/external-id";
import { acceptInvitationIn } from "@/lib/workspace/invitations";
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
  /** The token of an invitation link: the new user joins its workspace instead of creating one. */
  invitationToken: z.string().trim().min(1).max(200).optional(),
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
  if (input.invitationToken) return signUpInvitedUser(db, input.email, passwordHash, input.invitationToken);

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

/** Creates a local user who joins the invitation's workspace, in one transaction that rolls back if the invitation is not valid. */
async function signUpInvitedUser(db: Database, email: string, passwordHash: string, token: string): Promise<ActionResult<{ userId: string; workspaceId: string }>> {
  let rejected: ActionResult<never> | undefined;
  try {
    const joined = await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email, passwordHash }).returning({ id: users.id });
      const accepted = await acceptInvitationIn(tx, { id: user!.id, email }, token, new Date(), true);
      if (!accepted.ok) {
        rejected = accepted;
        tx.rollback();
      }
      return { userId: user!.id, workspaceId: accepted.ok ? accepted.data.workspaceId : "" };
    });
    return success(joined);
  } catch (error) {
    if (rejected && error instanceof TransactionRollbackError) return rejected;
    throw error;
  }
}
