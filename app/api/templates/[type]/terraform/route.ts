import { serveTemplate } from "@/lib/aws/template-route";
import { renderTerraformModule } from "@/lib/aws/terraform";

/** Serves the same integration role as a one-file Terraform module. */
export async function GET(_request: Request, { params }: { params: Promise<{ type: string }> }) {
  return serveTemplate(params, (type) => ({
    body: renderTerraformModule(type),
    contentType: "text/plain; charset=utf-8",
    fileName: `xops360-${type}-account.tf`,
  }));
}
