import { CopyableValue } from "./copyable-value";
import type { SetupGuideData } from "./guide-data";

/** Renders the Terraform steps: the module download and the command with the values filled in. */
export function TerraformSteps({ data }: { data: SetupGuideData }) {
  const principalArn = data.principal.ok ? data.principal.arn : "<platform principal ARN>";
  const command = `terraform init && terraform apply -var external_id=${data.externalId} -var platform_principal_arn=${principalArn}`;
  return (
    <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-800">
      <li>
        Download the{" "}
        <a href={data.terraformUrl} download className="font-medium text-brand-600 hover:underline">
          Terraform module
        </a>{" "}
        into an empty folder. It creates the same role and trust policy as the CloudFormation template, with the same permissions except
        cloudformation:DescribeStacks, since no stack is involved.
      </li>
      <li>
        With credentials for the AWS account, run:
        <div className="mt-2">
          <CopyableValue label="Terraform command" value={command} multiline />
        </div>
      </li>
      <li>Paste the role_arn output into AWS Role ARN, enter an AWS Account Name, and click Connect.</li>
    </ol>
  );
}
