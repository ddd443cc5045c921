import { SupportForm } from "@/components/support/support-form";
import { SupportRequestList } from "@/components/support/support-request-list";
import { currentAccount } from "@/lib/accounts/current";
import { findAccount, listManagementAccounts } from "@/lib/accounts/queries";
import { requirePageMember } from "@/lib/auth/page-context";
import { listSupportRequests, managementDeletionSubject } from "@/lib/support/requests";

interface SupportSearchParams {
  account?: string;
  reason?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SubmitSupportRequestPage({ searchParams }: { searchParams: Promise<SupportSearchParams> }) {
  const { db, member } = await requirePageMember();
  const params = await searchParams;
  const concerned = params.account && UUID.test(params.account) ? await findAccount(db, member.workspaceId, params.account) : undefined;
  const subject = concerned && params.reason === "delete" ? managementDeletionSubject(concerned.name, concerned.awsAccountId) : "";

  // The choices are the management accounts, the current account and the one named in the link, not all
  // accounts: a workspace can have 10,000.
  const candidates = [concerned, await currentAccount(db, member), ...(await listManagementAccounts(db, member.workspaceId))];
  const accounts = [...new Map(candidates.flatMap((account) => (account ? [[account.id, account] as const] : []))).values()];
  const requests = await listSupportRequests(db, member.workspaceId, member.userId);

  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-semibold">Submit Support Request</h1>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <SupportForm
          subject={subject}
          accountId={concerned?.id ?? ""}
          accounts={accounts.map((account) => ({ id: account.id, label: `${account.name} (${account.awsAccountId})` }))}
        />
      </div>
      <section aria-labelledby="requests-heading" className="space-y-3">
        <h2 id="requests-heading" className="text-lg font-semibold">
          Your support requests
        </h2>
        <SupportRequestList requests={requests} />
      </section>
    </div>
  );
}
