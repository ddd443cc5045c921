import { z } from "zod";
import type { AwsAccountType } from "@/db/schema";
import { requireRouteMember } from "@/lib/actions/route-guard";

const paramsSchema = z.object({
  type: z.enum(["management", "linked"], { error: "Account type must be management or linked." }),
});

/**
 * Serves a rendering of the integration role (CloudFormation or Terraform) as a download to members of
 * any role: the files contain no workspace secret, but only members need them.
 */
export async function serveTemplate(
  params: Promise<{ type: string }>,
  render: (type: AwsAccountType) => { body: string; contentType: string; fileName: string },
): Promise<Response> {
  const guard = await requireRouteMember(["owner", "admin", "viewer"]);
  if (guard instanceof Response) return guard;

  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message }, { status: 404 });

  const file = render(parsed.data.type);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
    },
  });
}
