"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { portalOrigin } from "@/lib/portal-url";
import { sendInvitationMail } from "@/lib/workspace/invitation-mail";
import {
  guardedChangeMemberRole,
  guardedInviteMember,
  guardedRemoveMember,
  guardedRevokeInvitation,
} from "@/lib/workspace/actions";

type Input = Record<string, unknown>;

export async function inviteMemberAction(input: Input): Promise<ActionResult<{ token: string; email: string; expiresAt: Date }>> {
  const result = await guardedInviteMember(input);
  if (!result.ok) return result;
  revalidatePath("/members");

  const { id, token, email, expiresAt, role } = result.data;
  const mail = await sendInvitationMail({ to: email, link: `${await portalOrigin()}/invite/${token}`, role, expiresAt, invitationId: id });
  const message = {
    sent: `Invitation for ${email} created and e-mailed to them. The link below works too.`,
    not_configured: result.message,
    failed: `Invitation for ${email} created, but the e-mail could not be sent. Copy the link and send it to them.`,
  }[mail];
  return { ok: true, message, data: { token, email, expiresAt } };
}

export async function revokeInvitationAction(input: Input): Promise<ActionResult> {
  const result = await guardedRevokeInvitation(input);
  if (result.ok) revalidatePath("/members");
  return result;
}

export async function changeMemberRoleAction(input: Input): Promise<ActionResult> {
  const result = await guardedChangeMemberRole(input);
  if (result.ok) revalidatePath("/members");
  return result;
}

export async function removeMemberAction(input: Input): Promise<ActionResult> {
  const result = await guardedRemoveMember(input);
  if (result.ok) revalidatePath("/members");
  return result;
}
