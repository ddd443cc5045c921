import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { memberRole, users } from "@/db/schema";
import { SIGNED_OUT_MESSAGE, workspaceAction, type ActionInput } from "@/lib/actions/guard";
import { failure, type ActionResult } from "@/lib/actions/result";
import { currentUserId } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import { acceptInvitation, createInvitation, revokeInvitation } from "./invitations";
import { changeMemberRole, removeMember } from "./member-admin";
import { MEMBER_MANAGERS } from "./members";

const role = z.enum(memberRole.enumValues, { error: "Role must be owner, admin or viewer." });
const userId = z.string({ error: "Member is required." }).trim().min(1, "Member is required.");

const inviteSchema = z.object({
  email: z
    .string({ error: "E-mail is required." })
    .trim()
    .min(1, "E-mail is required.")
    .max(254, "E-mail must be at most 254 characters.")
    .pipe(z.email({ error: "E-mail must be an address such as name@example.com." })),
  role,
});

export const guardedInviteMember = workspaceAction(
  { schema: inviteSchema, roles: MEMBER_MANAGERS, purpose: "invite members" },
  async ({ db, member }, input) => {
    const result = await createInvitation(db, member, input);
    if (result.ok) logger.info({ event: "member_invited", workspaceId: member.workspaceId, invitationId: result.data.id, role: input.role }, "invitation created");
    return result;
  },
);

export const guardedRevokeInvitation = workspaceAction(
  { schema: z.object({ invitationId: z.uuid({ error: "Invitation is required." }) }), roles: MEMBER_MANAGERS, purpose: "withdraw invitations" },
  ({ db, member }, input) => revokeInvitation(db, member, input.invitationId),
);

export const guardedChangeMemberRole = workspaceAction(
  { schema: z.object({ userId, role }), roles: MEMBER_MANAGERS, purpose: "change member roles" },
  async ({ db, member }, input) => {
    const result = await changeMemberRole(db, member, input);
    if (result.ok) logger.info({ event: "member_role_changed", workspaceId: member.workspaceId, userId: input.userId, role: input.role }, "member role changed");
    return result;
  },
);

export const guardedRemoveMember = workspaceAction(
  { schema: z.object({ userId }), roles: MEMBER_MANAGERS, purpose: "remove members" },
  async ({ db, member }, input) => {
    const result = await removeMember(db, member, input);
    if (result.ok) logger.info({ event: "member_removed", workspaceId: member.workspaceId, userId: input.userId }, "member removed and signed out");
    return result;
  },
);

/**
 * Accepts an invitation for the signed-in user. It cannot go through workspaceAction, because the user
 * has no workspace until the invitation is accepted; the invitation's token and e-mail authorize it.
 */
export async function guardedAcceptInvitation(input: ActionInput): Promise<ActionResult<{ workspaceId: string; email: string }>> {
  const signedIn = await currentUserId();
  if (!signedIn) return failure(SIGNED_OUT_MESSAGE);
  const token = z.string().trim().min(1).max(200).safeParse(input instanceof FormData ? input.get("token") : input.token);
  if (!token.success) return failure("This invitation link is not valid. Check that you opened the whole link.");

  const db = await getDb();
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, signedIn)).limit(1);
  if (!user) return failure(SIGNED_OUT_MESSAGE);

  const result = await acceptInvitation(db, user, token.data);
  if (!result.ok) return result;
  logger.info({ event: "invitation_accepted", workspaceId: result.data.workspaceId, userId: user.id }, "invitation accepted");
  return { ...result, data: { workspaceId: result.data.workspaceId, email: user.email } };
}
