import { memberRole } from "@/db/schema";
import { workspaceAction } from "@/lib/actions/guard";
import { ACCOUNT_EDITORS } from "@/lib/workspace/members";
import { connectAccount, connectInputSchema } from "./connect";
import { deleteAccount, deleteInputSchema } from "./delete";
import { renameAccount, renameInputSchema } from "./rename";
import { searchInputSchema, searchSelector, selectAccount, selectInputSchema } from "./select";
import { verifyAccountNow, verifyInputSchema } from "./verify";

// The account procedures behind the guard. The route folders' server actions call these, and tests call
// them directly, so every path runs the same session, workspace, role and input checks.

/** Every member may read and select the workspace's accounts, viewers included. */
const ALL_MEMBER_ROLES = memberRole.enumValues;

export const guardedConnectAccount = workspaceAction({ schema: connectInputSchema, roles: ACCOUNT_EDITORS, purpose: "link AWS accounts" }, connectAccount);

export const guardedRenameAccount = workspaceAction({ schema: renameInputSchema, roles: ACCOUNT_EDITORS, purpose: "rename accounts" }, renameAccount);

export const guardedDeleteAccount = workspaceAction({ schema: deleteInputSchema, roles: ACCOUNT_EDITORS, purpose: "delete accounts" }, deleteAccount);

export const guardedVerifyAccount = workspaceAction({ schema: verifyInputSchema, roles: ACCOUNT_EDITORS, purpose: "verify accounts" }, verifyAccountNow);

export const guardedSelectAccount = workspaceAction({ schema: selectInputSchema, roles: ALL_MEMBER_ROLES, purpose: "select accounts" }, selectAccount);

export const guardedSearchAccounts = workspaceAction({ schema: searchInputSchema, roles: ALL_MEMBER_ROLES, purpose: "search accounts" }, searchSelector);
