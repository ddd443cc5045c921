import type { CloudAccount } from "@/db/schema";
import { TEMPLATE_VERSION } from "@/lib/aws/template";
import { compareVersions } from "@/lib/aws/stack-outputs";

const TYPE_LABELS = { management: "Management Account", linked: "Linked Account" } as const;

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{term}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** Home's overview of one cloud account. */
export function AccountOverview({ account }: { account: CloudAccount }) {
  const outdated = account.templateVersion !== null && compareVersions(account.templateVersion, TEMPLATE_VERSION) < 0;
  return (
    <section aria-labelledby="account-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex items-center justify-between">
        <h2 id="account-heading" className="text-lg font-semibold">
          {account.name}
        </h2>
        <span
          className={
            account.status === "connected"
              ? "rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-800"
              : "rounded-full bg-red-50 px-2.5 py-0.5 text-xs font-medium text-red-800"
          }
        >
          {account.status === "connected" ? "Connected" : "Error"}
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3">
        <Detail term="AWS account ID">
          <span className="font-mono">{account.awsAccountId}</span>
        </Detail>
        <Detail term="Type">{TYPE_LABELS[account.awsAccountType]}</Detail>
        <Detail term="Partition">{account.partition}</Detail>
        <Detail term="Role ARN">
          <span className="font-mono text-xs break-all">{account.roleArn}</span>
        </Detail>
        <Detail term="Last verified">
          {account.lastVerifiedAt ? <time dateTime={account.lastVerifiedAt.toISOString()}>{account.lastVerifiedAt.toUTCString()}</time> : "Never"}
        </Detail>
        <Detail term="Template version">{account.templateVersion ?? "Unknown"}</Detail>
      </dl>
      {account.statusMessage && <p className="text-sm text-red-800">{account.statusMessage}</p>}
      {outdated && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This account&apos;s stack uses template {account.templateVersion}; the current template is {TEMPLATE_VERSION}. Update the stack with the
          current template in CloudFormation.
        </p>
      )}
    </section>
  );
}
