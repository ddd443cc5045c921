"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { changeMemberRoleAction, removeMemberAction } from "@/app/(app)/(workspace)/members/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { MemberRole } from "@/db/schema";
import { ROLE_LABELS } from "./role-select";

interface MemberRow {
  userId: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
}

function RoleControl({ member }: { member: MemberRow }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function change(role: string) {
    startTransition(async () => {
      const result = await changeMemberRoleAction({ userId: member.userId, role });
      if (result.ok) toast.success(result.message ?? "Role changed.");
      else toast.error(result.message);
      router.refresh();
    });
  }

  return (
    <select
      aria-label={`Role of ${member.email}`}
      value={member.role}
      disabled={pending}
      onChange={(event) => change(event.target.value)}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
    >
      {Object.entries(ROLE_LABELS).map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
}

function RemoveDialog({ member }: { member: MemberRow }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await removeMemberAction({ userId: member.userId });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setOpen(false);
      toast.success(result.message ?? "Member removed.");
      router.refresh();
    });
  }

  return (
    <Modal
      title="Remove member"
      description={
        <>
          <strong>{member.email}</strong> loses access to this workspace at once and is signed out everywhere. You can invite them again later.
        </>
      }
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(undefined);
      }}
      trigger={
        <Button variant="secondary" className="px-3 py-1 text-red-700" aria-label={`Remove ${member.email}`}>
          Remove
        </Button>
      }
    >
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <Button variant="danger" disabled={pending} onClick={remove}>
        {pending ? "Removing…" : "Remove member"}
      </Button>
    </Modal>
  );
}

/** Lists the workspace's members. Owners also get the role select and "Remove" on each row. */
export function MemberList({ members, currentUserId, manage }: { members: MemberRow[]; currentUserId: string; manage: boolean }) {
  return (
    <section aria-labelledby="members-heading" className="space-y-3">
      <h2 id="members-heading" className="text-lg font-semibold">
        Workspace members
      </h2>
      <table aria-labelledby="members-heading" className="w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-4 py-2 font-medium">E-mail</th>
            <th className="px-4 py-2 font-medium">Role</th>
            <th className="px-4 py-2 font-medium">Joined</th>
            {manage && <th className="px-4 py-2 font-medium">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId} className="border-t border-slate-200">
              <td className="px-4 py-2">
                {member.email}
                {member.userId === currentUserId && <span className="ml-2 text-xs text-slate-500">(you)</span>}
              </td>
              <td className="px-4 py-2">{manage ? <RoleControl member={member} /> : ROLE_LABELS[member.role]}</td>
              <td className="px-4 py-2 text-slate-600">{member.joinedAt.toISOString().slice(0, 10)}</td>
              {manage && (
                <td className="px-4 py-2">
                  <RemoveDialog member={member} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
