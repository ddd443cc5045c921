import { z } from "zod";
import { findAccount } from "@/lib/accounts/queries";
import { linkAllMembers, type LinkAllEvent } from "@/lib/accounts/link-all";
import { requireRouteMember } from "@/lib/actions/route-guard";
import { isSameOrigin } from "@/lib/actions/same-origin";
import { ACCOUNT_EDITORS, getWorkspace } from "@/lib/workspace/members";

const bodySchema = z.object({
  managementAccountId: z.uuid({ error: "managementAccountId must be the ID of a management account of this workspace." }),
});

/**
 * Link all: links the organization's members and streams one JSON line per event (start, one result
 * per account, done), so the page can show progress while the checks run.
 */
export async function POST(request: Request) {
  const guard = await requireRouteMember(ACCOUNT_EDITORS);
  if (guard instanceof Response) return guard;
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site requests are not allowed." }, { status: 403 });

  const parsed = bodySchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message }, { status: 400 });

  const { db, member } = guard;
  const management = await findAccount(db, member.workspaceId, parsed.data.managementAccountId);
  if (!management || management.awsAccountType !== "management") {
    return Response.json({ error: "Management account not found in this workspace." }, { status: 404 });
  }
  const workspace = await getWorkspace(db, member.workspaceId);

  const encoder = new TextEncoder();
  const events = linkAllMembers(db, member, workspace, management);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<LinkAllEvent>;
      try {
        next = await events.next();
      } catch {
        next = { done: false, value: { type: "error", message: "Link all stopped on an internal error; see the server log." } };
        controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
        controller.close();
        return;
      }
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
