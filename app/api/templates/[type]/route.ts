import { renderTemplateYaml } from "@/lib/aws/template";
import { serveTemplate } from "@/lib/aws/template-route";

/** Serves the CloudFormation template of an account type as YAML. */
export async function GET(_request: Request, { params }: { params: Promise<{ type: string }> }) {
  return serveTemplate(params, (type) => ({
    body: renderTemplateYaml(type),
    contentType: "application/yaml; charset=utf-8",
    fileName: `xops360-${type}-account.yaml`,
  }));
}
