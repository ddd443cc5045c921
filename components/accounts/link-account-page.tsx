import { SetupGuide } from "@/components/setup-guide/setup-guide";
import type { SetupGuideData } from "@/components/setup-guide/guide-data";
import { requirePageMember } from "@/lib/auth/page-context";
import { awsSettings } from "@/lib/aws/config";
import { awsErrorCode } from "@/lib/aws/errors";
import { getPlatformPrincipal } from "@/lib/aws/platform";
import { buildQuickCreateUrl, configuredTemplateBaseUrl } from "@/lib/aws/quick-create";
import { ACCOUNT_TYPE_LABELS, permissionStatements, STACK_NAME } from "@/lib/aws/template-definition";
import { canEditAccounts, getWorkspace } from "@/lib/workspace/members";
import { ConnectForm } from "./connect-form";

async function readPrincipal(): Promise<SetupGuideData["principal"]> {
  try {
    return { ok: true, arn: (await getPlatformPrincipal()).arn };
  } catch (error) {
    return {
      ok: false,
      message: `The portal could not read its own AWS identity (${awsErrorCode(error)}). An operator must give the portal AWS credentials, or set XOPS_PLATFORM_PRINCIPAL_ARN, before accounts can be linked.`,
    };
  }
}

/** "Link a New AWS Account" for either account type. */
export async function LinkAccountPage({ accountType, roleArn }: { accountType: "management" | "linked"; roleArn?: string }) {
  const { db, member } = await requirePageMember();
  const workspace = await getWorkspace(db, member.workspaceId);
  const principal = await readPrincipal();
  const { partition, sandbox } = awsSettings();
  const templateBaseUrl = configuredTemplateBaseUrl();

  const guide: SetupGuideData = {
    accountType,
    externalId: workspace.externalId,
    principal,
    templateUrl: `/api/templates/${accountType}`,
    terraformUrl: `/api/templates/${accountType}/terraform`,
    quickCreateUrl:
      templateBaseUrl && principal.ok
        ? buildQuickCreateUrl({ partition, accountType, templateBaseUrl, externalId: workspace.externalId, principalArn: principal.arn })
        : undefined,
    permissions: permissionStatements(accountType),
    stackName: STACK_NAME,
    sandbox,
    canEdit: canEditAccounts(member.role),
  };

  return (
    <div className="max-w-2xl space-y-6">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold">Link a New AWS Account</h1>
        <SetupGuide data={guide} />
      </div>
      <p className="text-sm text-slate-600">
        {ACCOUNT_TYPE_LABELS[accountType]}: open the setup guide with the Information button, create the role, then paste its RoleArn output.
      </p>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <ConnectForm accountType={accountType} roleArn={roleArn} canEdit={canEditAccounts(member.role)} />
      </div>
    </div>
  );
}
