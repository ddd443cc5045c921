import { InviteForm } from "@/components/members/invite-form";
import { InvitationList } from "@/components/members/invitation-list";
import { MemberList } from "@/components/members/member-list";
import { requirePageMember } from "@/lib/auth/page-context";
import { listPendingInvitations } from "@/lib/workspace/invitations";
import { listMembers } from "@/lib/workspace/member-admin";
import { canManageMembers, getWorkspace } from "@/lib/workspace/members";

export default async function MembersPage() {
  const { db, member } = await requirePageMember();
  const manage = canManageMembers(member.role);
  const [workspace, members, invitations] = await Promise.all([
    getWorkspace(db, member.workspaceId),
    listMembers(db, member.workspaceId),
    manage ? listPendingInvitations(db, member.workspaceId) : Promise.resolve([]),
  ]);

  return (
    <div className="max-w-4xl space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Members</h1>
        <p className="text-sm text-slate-600">
          Members of the workspace {workspace.name}. Owners manage members; admins link, rename, delete and verify accounts; viewers see everything
          read-only. Your role: <strong>{member.role}</strong>.
        </p>
        {manage && (
          <p className="text-xs text-slate-500">
            Workspace ID for SSO mappings: <code className="font-mono">{workspace.id}</code>
          </p>
        )}
      </div>
      {manage && <InviteForm />}
      <MemberList members={members} currentUserId={member.userId} manage={manage} />
      {manage && <InvitationList invitations={invitations} />}
    </div>
  );
}
