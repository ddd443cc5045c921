import { CopyableValue } from "./copyable-value";
import type { SetupGuideData } from "./guide-data";

/** Deploying the linked template to every member account with one service-managed StackSet. */
export function StackSetSteps({ data }: { data: SetupGuideData }) {
  const principalArn = data.principal.ok ? data.principal.arn : "<platform principal ARN>";
  const createStackSet = [
    "aws cloudformation create-stack-set --stack-set-name XOps360-Linked-Accounts",
    "  --template-body file://xops360-linked-account.yaml --capabilities CAPABILITY_NAMED_IAM",
    "  --permission-model SERVICE_MANAGED --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false",
    `  --parameters ParameterKey=ExternalId,ParameterValue=${data.externalId} ParameterKey=PlatformPrincipalArn,ParameterValue=${principalArn}`,
  ].join(" \\\n");
  const createInstances = [
    "aws cloudformation create-stack-instances --stack-set-name XOps360-Linked-Accounts",
    "  --deployment-targets OrganizationalUnitIds=<root ID, r-…> --regions us-east-1",
  ].join(" \\\n");

  return (
    <div className="space-y-3 text-sm text-slate-800">
      <p>
        One service-managed StackSet in the management account deploys the linked template to every member account, and to accounts added to
        the organization later. StackSets never deploy into the management account itself: link it with the management template.
      </p>
      <ol className="list-decimal space-y-2 pl-5">
        <li>
          Download the{" "}
          <a href={data.templateUrl} download className="font-medium text-brand-600 hover:underline">
            linked account template
          </a>
          .
        </li>
        <li>In the management account, with trusted access for CloudFormation StackSets enabled in AWS Organizations, run:</li>
      </ol>
      <CopyableValue label="StackSet command" value={createStackSet} multiline />
      <CopyableValue label="Stack instances command" value={createInstances} multiline />
      <p>
        IAM is global, so one region is enough. When the instances reach CURRENT, use Link all on Home to link every member account that has the
        role.
      </p>
    </div>
  );
}
