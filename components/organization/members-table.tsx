"use client";

import Link from "next/link";
import { useState } from "react";
import type { OrganizationMember } from "@/lib/accounts/organization-members";

const PAGE_SIZE = 25;
const STATUS_LABELS: Record<string, string> = { ACTIVE: "Active", SUSPENDED: "Suspended", PENDING_CLOSURE: "Pending closure" };

/** Organization members, a page at a time, each marked linked or not linked. */
export function MembersTable({ members, canEdit }: { members: OrganizationMember[]; canEdit: boolean }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(members.length / PAGE_SIZE));
  const pageMembers = members.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const unlinked = members.filter((member) => !member.linkedAccountId && member.status === "ACTIVE").length;

  if (members.length === 0) return <p className="text-sm text-slate-600">The organization has no member accounts besides this one.</p>;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {members.length} member accounts, {unlinked} active and not linked.
      </p>
      <table aria-label="Organization members" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
          <tr>
            <th className="py-2">Name</th>
            <th className="py-2">Account ID</th>
            <th className="py-2">Status</th>
            <th className="py-2">In this workspace</th>
            <th className="py-2">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pageMembers.map((member) => (
            <tr key={member.accountId} className="border-b border-slate-100">
              <td className="py-2">{member.name}</td>
              <td className="py-2 font-mono">{member.accountId}</td>
              <td className="py-2">{STATUS_LABELS[member.status] ?? member.status}</td>
              <td className="py-2">{member.linkedAccountId ? "Linked" : "Not linked"}</td>
              <td className="py-2 text-right">
                {canEdit && !member.linkedAccountId && member.status === "ACTIVE" && (
                  <Link
                    href={`/onboarding/aws/linked?roleArn=${encodeURIComponent(member.expectedRoleArn)}`}
                    className="font-medium text-brand-600 hover:underline"
                    aria-label={`Link ${member.name}`}
                  >
                    Link
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="flex items-center gap-3 text-sm">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} className="rounded border px-2 py-1 disabled:opacity-40">
            Previous
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} className="rounded border px-2 py-1 disabled:opacity-40">
            Next
          </button>
        </div>
      )}
    </div>
  );
}
