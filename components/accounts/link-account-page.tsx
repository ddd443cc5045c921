import { requirePageMember } from "@/lib/auth/page-context";
import { awsSettings } from "@/lib/aws/config";
import { awsErrorCode } from "@/lib/aws/errors";
import { getPlatformPrincipal } from "@/lib/aws/platform";
import { getWorkspace } from "@/lib/workspace/members";
import { ConnectForm } from "./connect-form";
import { SetupGuide, type SetupGuideProps } from "./setup-guide";

async function readPrincipal(): Promise<SetupGuideProps["principal"]> {
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
export async function LinkAccountPage({ accountType }: { accountType: "management" | "linked" }) {
  const { db, member } = await requirePageMember();
  const workspace = await getWorkspace(db, member.workspaceId);
  const principal = await readPrincipal();

  return (
    <div className="max-w-2xl space-y-6">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold">Link a New AWS Account</h1>
        <SetupGuide
          accountType={accountType}
          externalId={workspace.externalId}
          principal={principal}
          templateUrl={`/api/templates/${accountType}`}
          sandbox={awsSettings().sandbox}
        />
      </div>
      <p className="text-sm text-slate-600">
        {accountType === "management" ? "Management Account" : "Linked Account"}: open the setup guide with the Information button, create the
        stack, then paste its RoleArn output.
      </p>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <ConnectForm accountType={accountType} />
      </div>
    </div>
  );
}
