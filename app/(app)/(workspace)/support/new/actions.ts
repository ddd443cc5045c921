"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { guardedSubmitSupportRequest } from "@/lib/support/guarded";

export async function submitSupportRequestAction(_previous: ActionResult<unknown> | undefined, form: FormData): Promise<ActionResult<unknown>> {
  const result = await guardedSubmitSupportRequest(form);
  if (result.ok) revalidatePath("/support/new");
  return result;
}
