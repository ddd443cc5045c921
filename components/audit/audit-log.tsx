import type { AuditPage } from "@/lib/audit/queries";

const ACTION_LABELS: Record<string, string> = {
  "account.linked": "Connected AWS account",
  "account.link_all": "Ran Link all",
  "account.renamed": "Renamed AWS account",
  "account.deleted": "Deleted AWS account",
  "account.verified": "Verified AWS account",
  "support.requested": "Submitted support request",
  "workspace.created": "Created workspace",
  "member.invited": "Invited member",
  "member.invitation_revoked": "Withdrew invitation",
  "member.joined": "Member joined",
  "member.role_changed": "Changed member role",
  "member.removed": "Removed member",
};

// Status messages can run to several hundred characters; the full text stays in the cell's title.
const VALUE_DISPLAY_LENGTH = 120;

function formatValues(values: unknown): string {
  if (!values || typeof values !== "object") return "";
  return Object.entries(values as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${value === null ? "none" : String(value)}`)
    .join(", ");
}

function ValuesCell({ values }: { values: unknown }) {
  const text = formatValues(values);
  return (
    <td className="px-4 py-2 text-xs text-slate-700">
      <div title={text.length > VALUE_DISPLAY_LENGTH ? text : undefined} className="w-44 break-words">
        {text.length > VALUE_DISPLAY_LENGTH ? `${text.slice(0, VALUE_DISPLAY_LENGTH)}…` : text}
      </div>
    </td>
  );
}

/** The workspace's audit log, newest first: time, actor, action, target and the values before and after. */
export function AuditLog({ events }: { events: AuditPage["events"] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No events yet.</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table aria-label="Audit log" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th className="px-4 py-2 font-medium">Time (UTC)</th>
            <th className="px-4 py-2 font-medium">Actor</th>
            <th className="px-4 py-2 font-medium">Action</th>
            <th className="px-4 py-2 font-medium">Account</th>
            <th className="px-4 py-2 font-medium">Before</th>
            <th className="px-4 py-2 font-medium">After</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id} className="align-top">
              <td className="px-4 py-2 text-xs whitespace-nowrap">
                <time dateTime={event.createdAt.toISOString()}>{event.createdAt.toISOString().replace("T", " ").slice(0, 19)}</time>
              </td>
              <td className="px-4 py-2">
                <div className="w-40 break-words">{event.actorEmail ?? (event.details.trigger === "scheduled" ? "Scheduled verification" : "Deleted user")}</div>
              </td>
              <td className="px-4 py-2">{ACTION_LABELS[event.action] ?? event.action}</td>
              <td className="px-4 py-2">{event.targetName ?? "—"}</td>
              <ValuesCell values={event.details.before} />
              <ValuesCell values={event.details.after} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
