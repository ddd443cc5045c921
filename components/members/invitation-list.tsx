"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { revokeInvitationAction } from "@/app/(app)/(workspace)/members/actions";
import { Button } from "@/components/ui/button";
import type { MemberRole } from "@/db/schema";
import { ROLE_LABELS } from "./role-select";

interface InvitationRow {
  id: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
}

function WithdrawButton({ invitation }: { invitation: InvitationRow }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      className="px-3 py-1"
      disabled={pending}
      aria-label={`Withdraw invitation for ${invitation.email}`}
      onClick={() =>
        startTransition(async () => {
          const result = await revokeInvitationAction({ invitationId: invitation.id });
          if (result.ok) toast.success(result.message ?? "Invitation withdrawn.");
          else toast.error(result.message);
          router.refresh();
        })
      }
    >
      Withdraw
    </Button>
  );
}

/** Pending invitations: not yet accepted, withdrawn or expired. */
export function InvitationList({ invitations }: { invitations: InvitationRow[] }) {
  return (
    <section aria-labelledby="invitations-heading" className="space-y-3">
      <h2 id="invitations-heading" className="text-lg font-semibold">
        Pending invitations
      </h2>
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600">No pending invitations.</p>
      ) : (
        <table aria-labelledby="invitations-heading" className="w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-4 py-2 font-medium">E-mail</th>
              <th className="px-4 py-2 font-medium">Role</th>
              <th className="px-4 py-2 font-medium">Expires (UTC)</th>
              <th className="px-4 py-2 font-medium">Actions</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id} className="border-t border-slate-200">
                <td className="px-4 py-2">{invitation.email}</td>
                <td className="px-4 py-2">{ROLE_LABELS[invitation.role]}</td>
                <td className="px-4 py-2 text-slate-600">{invitation.expiresAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                <td className="px-4 py-2">
                  <WithdrawButton invitation={invitation} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
