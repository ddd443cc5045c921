// Writes the CloudFormation templates and Terraform modules to a folder, ready to upload to the S3
// bucket that XOPS_TEMPLATE_BASE_URL names. The console's quick-create link only accepts templates
// stored in S3.
//
//   npx tsx scripts/publish-templates.ts [output-folder]     (default: dist/templates)
//   aws s3 sync dist/templates s3://BUCKET/xops360/
//   XOPS_TEMPLATE_BASE_URL=https://BUCKET.s3.amazonaws.com/xops360
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { templateFileName } from "../lib/aws/quick-create";
import { renderTemplateYaml } from "../lib/aws/template";
import { renderTerraformModule } from "../lib/aws/terraform";

const output = path.resolve(process.argv[2] ?? path.join("dist", "templates"));

for (const type of ["management", "linked"] as const) {
  const templatePath = path.join(output, templateFileName(type));
  mkdirSync(path.dirname(templatePath), { recursive: true });
  writeFileSync(templatePath, renderTemplateYaml(type));
  writeFileSync(templatePath.replace(/\.yaml$/, ".tf"), renderTerraformModule(type));
  console.log(`wrote ${path.relative(process.cwd(), templatePath)} and its .tf module`);
}
