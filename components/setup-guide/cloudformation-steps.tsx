import type { SetupGuideData } from "./guide-data";

const linkClasses = "font-medium text-brand-600 hover:underline";

/** Renders the user guide's steps for creating the stack, with the one-click link when templates are published. */
export function CloudFormationSteps({ data }: { data: SetupGuideData }) {
  const templateName = data.accountType === "management" ? "management account" : "linked account";
  return (
    <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-800">
      {data.quickCreateUrl ? (
        <li>
          Sign in to the AWS account in the console, then click{" "}
          <a href={data.quickCreateUrl} target="_blank" rel="noopener noreferrer" className={linkClasses}>
            Launch stack
          </a>
          . It opens CloudFormation&apos;s quick-create page with the stack name {data.stackName} and the parameters ExternalId and
          PlatformPrincipalArn filled in.
        </li>
      ) : (
        <>
          <li>
            Download the{" "}
            <a href={data.templateUrl} download className={linkClasses}>
              CloudFormation template
            </a>{" "}
            for a {templateName}. (A one-click Launch stack link appears here once the operator publishes the templates to S3.)
          </li>
          <li>
            Sign in to the AWS account, open CloudFormation in any region, and choose Create stack, With new resources (standard), then
            Upload a template file, and select the downloaded file.
          </li>
          <li>
            Name the stack {data.stackName}, and paste the External ID and the platform principal ARN above into the parameters
            ExternalId and PlatformPrincipalArn. Keep the default RoleName.
          </li>
        </>
      )}
      <li>Acknowledge that AWS CloudFormation might create IAM resources with custom names, and create the stack.</li>
      <li>When the stack reaches CREATE_COMPLETE, open its Outputs tab and copy the value of RoleArn.</li>
      <li>Paste it into AWS Role ARN, enter an AWS Account Name, and click Connect.</li>
    </ol>
  );
}
