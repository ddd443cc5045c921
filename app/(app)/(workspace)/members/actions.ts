"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
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
  return { ...result, data: { token: result.data.token, email: result.data.email, expiresAt: result.data.expiresAt } };
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
