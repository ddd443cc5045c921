import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { memberships } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/guard";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { accountNotFoundMessage } from "./messages";
import { findAccount } from "./queries";
import { searchAccounts, type SelectorResults } from "./search";

export const selectInputSchema = z.object({ accountId: z.uuid({ error: "Choose an account." }) });
export const searchInputSchema = z.object({ query: z.string().max(200, "Search for at most 200 characters.").default("") });

/** Remembers the member's current account, which Home shows. Only an account of the member's workspace can be selected. */
export async function selectAccount(context: ActionContext, input: z.infer<typeof selectInputSchema>): Promise<ActionResult<{ id: string; name: string }>> {
  const { db, member } = context;

  const account = await findAccount(db, member.workspaceId, input.accountId);
  if (!account) return failure(accountNotFoundMessage());

  await db
    .update(memberships)
    .set({ currentCloudAccountId: account.id })
    .where(and(eq(memberships.workspaceId, member.workspaceId), eq(memberships.userId, member.userId)));
  return success({ id: account.id, name: account.name });
}

/** Runs the selector's server-side search within the member's workspace. */
export async function searchSelector(context: ActionContext, input: z.infer<typeof searchInputSchema>): Promise<ActionResult<SelectorResults>> {
  return success(await searchAccounts(context.db, context.member.workspaceId, input.query));
}
