import type { z } from "zod";
import { getDb, type Database } from "@/db/client";
import type { MemberRole } from "@/db/schema";
import { currentUserId } from "@/lib/auth/session";
import { findMembership, type Member } from "@/lib/workspace/members";
import { failure, type ActionResult } from "./result";

export interface ActionContext {
  db: Database;
  member: Member;
}

export type ActionInput = FormData | Record<string, unknown>;

interface GuardOptions<S extends z.ZodType> {
  schema: S;
  /** Member roles allowed to run the action. */
  roles: readonly MemberRole[];
  /** What the action does, for the message shown to a member whose role may not do it. */
  purpose: string;
}

export const SIGNED_OUT_MESSAGE = "Your session has ended. Sign in again to continue.";
export const NO_WORKSPACE_MESSAGE = "Your user is not a member of any workspace. Ask a workspace owner to invite you.";

/**
 * Wraps a server action body: authenticates the session, resolves the member's workspace, checks the
 * role and parses the input with zod, in that order, before the body runs.
 */
export function workspaceAction<S extends z.ZodType, T>(
  options: GuardOptions<S>,
  run: (context: ActionContext, input: z.infer<S>) => Promise<ActionResult<T>>,
): (input: ActionInput) => Promise<ActionResult<T>> {
  return async (input) => {
    const userId = await currentUserId();
    if (!userId) return failure(SIGNED_OUT_MESSAGE);

    const db = await getDb();
    const member = await findMembership(db, userId);
    if (!member) return failure(NO_WORKSPACE_MESSAGE);
    if (!options.roles.includes(member.role)) {
      return failure(`Your role (${member.role}) cannot ${options.purpose}. Ask an ${options.roles.join(" or ")} of the workspace.`);
    }

    const parsed = options.schema.safeParse(input instanceof FormData ? Object.fromEntries(input) : input);
    if (!parsed.success) return failure("Check the highlighted fields.", fieldErrorsOf(parsed.error));

    return run({ db, member }, parsed.data);
  };
}

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}
