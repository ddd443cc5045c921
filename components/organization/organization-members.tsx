import type { CloudAccount } from "@/db/schema";
import { getDb } from "@/db/client";
import { listOrganizationMembers } from "@/lib/accounts/organization-members";
import { LinkAllButton } from "./link-all-button";
import { MembersTable } from "./members-table";

interface OrganizationMembersProps {
  workspace: { id: string; externalId: string };
  management: CloudAccount;
  canEdit: boolean;
  /** The heading; the Integrations page names the management account, since it lists several. */
  title?: string;
}

/** Lists the management account's organization members, read live from AWS Organizations, with Link and Link all. */
export async function OrganizationMembers({ workspace, management, canEdit, title = "Organization members" }: OrganizationMembersProps) {
  const listed = await listOrganizationMembers(await getDb(), workspace, management);

  return (
    <section aria-labelledby={`members-heading-${management.id}`} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={`members-heading-${management.id}`} className="text-lg font-semibold">
        {title}
      </h2>
      {canEdit && listed.ok && <LinkAllButton managementAccountId={management.id} />}
      {listed.ok ? (
        <MembersTable members={listed.members} canEdit={canEdit} />
      ) : (
        <p role="alert" className="text-sm text-red-800">
          The organization&apos;s accounts could not be listed: {listed.message}
        </p>
      )}
    </section>
  );
}
