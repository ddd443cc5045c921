"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/guard";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { guardedConnectAccount } from "@/lib/accounts/guarded";
import { awsSettings } from "@/lib/aws/config";
import { getPlatformPrincipal } from "@/lib/aws/platform";
import { createSandboxLinkedStack, createSandboxManagementStack, type SandboxStack } from "@/lib/aws/sandbox";
import { firstUnlinkedMember } from "@/lib/accounts/sandbox-members";
import { logger } from "@/lib/logger";
import { ACCOUNT_EDITORS, getWorkspace } from "@/lib/workspace/members";

export async function connectAction(_previous: ActionResult<unknown> | undefined, form: FormData): Promise<ActionResult<unknown>> {
  const result = await guardedConnectAccount(form);
  if (!result.ok) return result;
  // The shell's account selector lives in a layout that a redirect keeps; refresh it with the new account.
  revalidatePath("/", "layout");
  redirect(result.data.templateOutdated ? "/?notice=template-outdated" : "/");
}

const sandboxStackSchema = z.object({ accountType: z.enum(["management", "linked"]) });

const guardedCreateSandboxStack = workspaceAction(
  { schema: sandboxStackSchema, roles: ACCOUNT_EDITORS, purpose: "create sandbox stacks" },
  async ({ db, member }, input): Promise<ActionResult<SandboxStack>> => {
    if (!awsSettings().sandbox) return failure("The sandbox is only available when the portal runs against the local AWS emulator.");

    const workspace = await getWorkspace(db, member.workspaceId);
    const principal = await getPlatformPrincipal();
    try {
      if (input.accountType === "management") {
        return success(await createSandboxManagementStack(workspace.externalId, principal.arn));
      }
      const memberAccountId = await firstUnlinkedMember(db, workspace);
      if (!memberAccountId) return failure("Every active member of the sandbox organization is linked already.");
      return success(await createSandboxLinkedStack(memberAccountId, workspace.externalId, principal.arn));
    } catch (error) {
      logger.error({ err: error, workspaceId: member.workspaceId }, "sandbox stack creation failed");
      return failure(error instanceof Error ? error.message : String(error));
    }
  },
);

export async function createSandboxStackAction(accountType: "management" | "linked"): Promise<ActionResult<SandboxStack>> {
  return guardedCreateSandboxStack({ accountType });
}
