"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { guardedDeleteAccount, guardedRenameAccount, guardedVerifyAccount } from "@/lib/accounts/guarded";

// Each action refreshes every signed-in page, because the shell's account selector shows names and the
// current account too.

export async function renameAccountAction(input: { accountId: string; name: string }): Promise<ActionResult<unknown>> {
  const result = await guardedRenameAccount(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function deleteAccountAction(input: { accountId: string; confirmName: string }): Promise<ActionResult<unknown>> {
  const result = await guardedDeleteAccount(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function verifyAccountAction(accountId: string): Promise<ActionResult<unknown>> {
  const result = await guardedVerifyAccount({ accountId });
  // A failed verification also changed the stored status, so refresh either way.
  revalidatePath("/", "layout");
  return result;
}
