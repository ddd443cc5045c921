import type { CloudAccount } from "@/db/schema";
import { compareVersions } from "@/lib/aws/stack-outputs";
import { TEMPLATE_VERSION } from "@/lib/aws/template";
import { ACCOUNT_TYPE_LABELS, StatusBadge, VerifiedTime } from "./status-badge";
import { VerifyButton } from "./verify-button";

interface AccountOverviewProps {
  account: CloudAccount;
  parentName: string | null;
  linked: { rows: CloudAccount[]; total: number };
  canVerify: boolean;
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{term}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** Home's overview of one cloud account, with its parent or its linked accounts, and what to fix when its link is broken. */
export function AccountOverview({ account, parentName, linked, canVerify }: AccountOverviewProps) {
  const outdated = account.templateVersion !== null && compareVersions(account.templateVersion, TEMPLATE_VERSION) < 0;
  return (
    <section aria-labelledby="account-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex items-center justify-between">
        <h2 id="account-heading" className="text-lg font-semibold">
          {account.name}
        </h2>
        <div className="flex items-center gap-3">
          <StatusBadge status={account.status} />
          {canVerify && <VerifyButton account={account} />}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3">
        <Detail term="AWS account ID">
          <span className="font-mono">{account.awsAccountId}</span>
        </Detail>
        <Detail term="Type">{ACCOUNT_TYPE_LABELS[account.awsAccountType]}</Detail>
        {account.awsAccountType === "linked" && <Detail term="Management account">{parentName ?? "Unknown"}</Detail>}
        <Detail term="Partition">{account.partition}</Detail>
        <Detail term="Role ARN">
          <span className="font-mono text-xs break-all">{account.roleArn}</span>
        </Detail>
        <Detail term="Last verified">
          <VerifiedTime at={account.lastVerifiedAt} />
        </Detail>
        <Detail term="Template version">{account.templateVersion ?? "Unknown"}</Detail>
      </dl>
      {account.status === "error" && account.statusMessage && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          The last verification failed: {account.statusMessage}
        </p>
      )}
      {outdated && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This account&apos;s stack uses template {account.templateVersion}; the current template is {TEMPLATE_VERSION}. Update the stack with the
          current template in CloudFormation.
        </p>
      )}
      {account.awsAccountType === "management" && <LinkedAccounts linked={linked} />}
    </section>
  );
}

function LinkedAccounts({ linked }: { linked: AccountOverviewProps["linked"] }) {
  if (linked.total === 0) return <p className="text-sm text-slate-600">No linked accounts yet.</p>;
  return (
    <div>
      <h3 className="text-sm font-semibold">Linked accounts ({linked.total})</h3>
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {linked.rows.map((child) => (
          <li key={child.id} className="flex items-center justify-between py-1.5">
            <span>
              {child.name} <span className="font-mono text-xs text-slate-500">{child.awsAccountId}</span>
            </span>
            <StatusBadge status={child.status} />
          </li>
        ))}
      </ul>
      {linked.total > linked.rows.length && <p className="mt-1 text-xs text-slate-500">All of them are listed on the Integrations page.</p>}
    </div>
  );
}
