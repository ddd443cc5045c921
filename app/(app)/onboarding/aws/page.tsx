import Link from "next/link";
import { requirePageMember } from "@/lib/auth/page-context";
import { hasManagementAccount } from "@/lib/accounts/queries";

const cardClasses =
  "block h-full rounded-xl border border-slate-200 bg-white p-6 shadow-sm transition hover:border-brand-500 hover:shadow focus-visible:outline-2 focus-visible:outline-brand-500";

export default async function SelectAwsAccountTypePage() {
  const { db, member } = await requirePageMember();
  const managementLinked = await hasManagementAccount(db, member.workspaceId);

  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">Select AWS Account Type</h1>
      <ul className="grid gap-4 sm:grid-cols-2">
        <li>
          <Link href="/onboarding/aws/management" className={cardClasses}>
            <span className="block text-base font-semibold">Management Account</span>
            <span className="mt-1 block text-sm text-slate-600">
              The management (payer) account of your AWS Organization, or a standalone account in no organization.
            </span>
          </Link>
        </li>
        <li>
          {managementLinked ? (
            <Link href="/onboarding/aws/linked" className={cardClasses}>
              <span className="block text-base font-semibold">Linked Account</span>
              <span className="mt-1 block text-sm text-slate-600">A member account of the organization of a linked management account.</span>
            </Link>
          ) : (
            <div aria-disabled="true" className="h-full rounded-xl border border-dashed border-slate-300 bg-slate-50 p-6 text-slate-500">
              <span className="block text-base font-semibold">Linked Account</span>
              <span className="mt-1 block text-sm">
                Link your organization&apos;s management account first: a linked account is placed under the management account of its organization.
              </span>
            </div>
          )}
        </li>
      </ul>
    </div>
  );
}
