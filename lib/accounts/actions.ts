import { ACCOUNT_EDITORS } from "@/lib/workspace/members";
import { workspaceAction } from "@/lib/actions/guard";
import { connectAccount, connectInputSchema } from "./connect";

/** Connect, behind the guard: signed-in owner or admin, valid input. */
export const guardedConnectAccount = workspaceAction(
  { schema: connectInputSchema, roles: ACCOUNT_EDITORS, purpose: "link AWS accounts" },
  connectAccount,
);
