"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { guardedSearchAccounts, guardedSelectAccount } from "@/lib/accounts/guarded";
import type { SelectorResults } from "@/lib/accounts/search";

/** The "Select account" dropdown's search, run on the server. */
export async function searchAccountsAction(query: string): Promise<ActionResult<SelectorResults>> {
  return guardedSearchAccounts({ query });
}

/** Makes an account the member's current account, which Home shows. */
export async function selectAccountAction(accountId: string): Promise<ActionResult<{ id: string; name: string }>> {
  const result = await guardedSelectAccount({ accountId });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
