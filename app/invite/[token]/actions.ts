"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/actions/result";
import { guardedAcceptInvitation } from "@/lib/workspace/actions";
import { landingPathForEmail } from "@/lib/workspace/landing";

export async function acceptInvitationAction(_previous: ActionResult | undefined, form: FormData): Promise<ActionResult> {
  const result = await guardedAcceptInvitation(form);
  if (!result.ok) return result;
  redirect(await landingPathForEmail(await getDb(), result.data.email));
}
