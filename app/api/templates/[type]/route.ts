import { z } from "zod";
import { requireRouteMember } from "@/lib/actions/route-guard";
import { renderTemplateYaml } from "@/lib/aws/template";

const paramsSchema = z.object({
  type: z.enum(["management", "linked"], { error: "Account type must be management or linked." }),
});

/** Serves the CloudFormation template of an account type as YAML to members of any role. */
export async function GET(_request: Request, { params }: { params: Promise<{ type: string }> }) {
  const guard = await requireRouteMember(["owner", "admin", "viewer"]);
  if (guard instanceof Response) return guard;

  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message }, { status: 404 });

  const { type } = parsed.data;
  return new Response(renderTemplateYaml(type), {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="xops360-${type}-account.yaml"`,
    },
  });
}
