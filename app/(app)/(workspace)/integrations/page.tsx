import { AccountsTable } from "@/components/accounts/accounts-table";
import { AuditLog } from "@/components/audit/audit-log";
import { Pagination } from "@/components/ui/pagination";
import { Suspense } from "react";
import { OrganizationMembers } from "@/components/organization/organization-members";
import { listAccountsPage, listManagementAccounts } from "@/lib/accounts/queries";
import { listAuditEvents } from "@/lib/audit/queries";
import { requirePageMember } from "@/lib/auth/page-context";
import { ACCOUNT_EDITORS, getWorkspace } from "@/lib/workspace/members";

interface IntegrationsSearchParams {
  page?: string;
  auditPage?: string;
}

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<IntegrationsSearchParams> }) {
  const { db, member } = await requirePageMember();
  const params = await searchParams;
  const accounts = await listAccountsPage(db, member.workspaceId, Number(params.page ?? "1"));
  const audit = await listAuditEvents(db, member.workspaceId, Number(params.auditPage ?? "1"));
  // NOTE: each management account's members are read live from AWS Organizations; the first ten are shown.
  const managementAccounts = await listManagementAccounts(db, member.workspaceId, 10);
  const workspace = await getWorkspace(db, member.workspaceId);
  const hrefWith = (change: IntegrationsSearchParams) => `/integrations?${new URLSearchParams({ page: String(accounts.page), auditPage: String(audit.page), ...change })}`;

  return (
    <div className="max-w-6xl space-y-8">
      <h1 className="text-2xl font-semibold">Integrations</h1>
      <section aria-labelledby="aws-accounts-heading" className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h2 id="aws-accounts-heading" className="text-lg font-semibold">
            AWS Accounts
          </h2>
          <span className="text-sm text-slate-600">{accounts.total} accounts</span>
        </div>
        <AccountsTable rows={accounts.rows} canEdit={ACCOUNT_EDITORS.includes(member.role)} />
        <Pagination label="AWS Accounts pages" page={accounts.page} pageCount={accounts.pageCount} hrefFor={(page) => hrefWith({ page: String(page) })} />
      </section>
      {managementAccounts.map((management) => (
        <Suspense key={management.id} fallback={<p className="text-sm text-slate-600">Loading the accounts of {management.name}&apos;s organization from AWS…</p>}>
          <OrganizationMembers
            workspace={workspace}
            management={management}
            canEdit={ACCOUNT_EDITORS.includes(member.role)}
            title={`Organization members of ${management.name}`}
          />
        </Suspense>
      ))}
      <section aria-labelledby="audit-heading" className="space-y-3">
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit log
        </h2>
        <AuditLog events={audit.events} />
        <Pagination label="Audit log pages" page={audit.page} pageCount={audit.pageCount} hrefFor={(page) => hrefWith({ auditPage: String(page) })} />
      </section>
    </div>
  );
}
