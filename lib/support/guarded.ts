import { memberRole } from "@/db/schema";
import { workspaceAction } from "@/lib/actions/guard";
import { submitSupportRequest, supportRequestSchema } from "./requests";

/** Any member may ask support, viewers included: support staff decide what is done. */
export const guardedSubmitSupportRequest = workspaceAction(
  { schema: supportRequestSchema, roles: memberRole.enumValues, purpose: "submit support requests" },
  submitSupportRequest,
);
