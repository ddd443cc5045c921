import { Suspense } from "react";
import { AccountOverview } from "@/components/accounts/account-overview";
import { OrganizationMembers } from "@/components/organization/organization-members";
import { currentAccount } from "@/lib/accounts/current";
import { findAccount, listLinkedAccounts } from "@/lib/accounts/queries";
import { requirePageMember } from "@/lib/auth/page-context";
import { ACCOUNT_EDITORS, getWorkspace } from "@/lib/workspace/members";

export default async function HomePage() {
  const { db, member } = await requirePageMember();
  const account = await currentAccount(db, member);
  const parent = account?.parentId ? await findAccount(db, member.workspaceId, account.parentId) : undefined;
  const linked = account?.awsAccountType === "management" ? await listLinkedAccounts(db, member.workspaceId, account.id) : { rows: [], total: 0 };

  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">Home</h1>
      {account ? (
        <AccountOverview account={account} parentName={parent?.name ?? null} linked={linked} canVerify={ACCOUNT_EDITORS.includes(member.role)} />
      ) : (
        <p>No cloud account is connected yet.</p>
      )}
      {account?.awsAccountType === "management" && (
        <Suspense fallback={<p className="text-sm text-slate-600">Loading the organization&apos;s accounts from AWS…</p>}>
          <OrganizationMembers
            workspace={await getWorkspace(db, member.workspaceId)}
            management={account}
            canEdit={ACCOUNT_EDITORS.includes(member.role)}
          />
        </Suspense>
      )}
    </div>
  );
}
