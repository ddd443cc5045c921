import Link from "next/link";
import { Fragment } from "react";
import type { CloudAccount } from "@/db/schema";
import { DeleteDialog } from "./delete-dialog";
import { RenameDialog } from "./rename-dialog";
import { ACCOUNT_TYPE_LABELS, StatusBadge, VerifiedTime } from "./status-badge";
import { VerifyButton } from "./verify-button";

export interface AccountRow {
  account: CloudAccount;
  parentName: string | null;
}

/** "AWS Accounts" on the Integrations page: one row per account, with Edit, Delete for linked accounts, and Verify now. */
export function AccountsTable({ rows, canEdit }: { rows: AccountRow[]; canEdit: boolean }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table aria-label="AWS Accounts" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">Account ID</th>
            <th className="px-4 py-2 font-medium">Type</th>
            <th className="px-4 py-2 font-medium">Parent</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Last verified</th>
            <th className="px-4 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(({ account, parentName }) => (
            <Fragment key={account.id}>
              <tr className="align-top">
                <th scope="row" className="px-4 py-3 font-medium">
                  {account.name}
                </th>
                <td className="px-4 py-3 font-mono">{account.awsAccountId}</td>
                <td className="px-4 py-3">{ACCOUNT_TYPE_LABELS[account.awsAccountType]}</td>
                <td className="px-4 py-3">{parentName ?? "—"}</td>
                <td className="px-4 py-3">
                  <StatusBadge status={account.status} />
                </td>
                <td className="px-4 py-3 text-xs">
                  <VerifiedTime at={account.lastVerifiedAt} />
                </td>
                <td className="px-4 py-3">{canEdit ? <RowActions account={account} /> : <span className="text-xs text-slate-500">Read only</span>}</td>
              </tr>
              {account.status === "error" && account.statusMessage && (
                <tr className="border-t-0!">
                  <td colSpan={7} className="px-4 pb-3">
                    <p className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-800">
                      What to fix for {account.name}: {account.statusMessage}
                    </p>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowActions({ account }: { account: CloudAccount }) {
  return (
    <div className="w-52 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <RenameDialog account={account} />
        <VerifyButton account={account} />
        {account.awsAccountType === "linked" && <DeleteDialog account={account} />}
      </div>
      {account.awsAccountType === "management" && (
        <p className="text-xs text-slate-600">
          Management accounts are removed by support, because their linked accounts depend on them.{" "}
          <Link href={`/support/new?${new URLSearchParams({ account: account.id, reason: "delete" })}`} className="font-medium text-brand-600 hover:underline">
            Submit Support Request
          </Link>
        </p>
      )}
    </div>
  );
}
