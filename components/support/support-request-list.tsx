import type { listSupportRequests } from "@/lib/support/requests";

type Requests = Awaited<ReturnType<typeof listSupportRequests>>;

/** The member's own support requests with their status. */
export function SupportRequestList({ requests }: { requests: Requests }) {
  if (requests.length === 0) return <p className="text-sm text-slate-600">You have not submitted any support requests.</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table aria-label="Your support requests" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th className="px-4 py-2 font-medium">Subject</th>
            <th className="px-4 py-2 font-medium">Account</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Submitted (UTC)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {requests.map((request) => (
            <tr key={request.id}>
              <td className="px-4 py-2">{request.subject}</td>
              <td className="px-4 py-2">{request.accountName ?? "—"}</td>
              <td className="px-4 py-2 capitalize">{request.status}</td>
              <td className="px-4 py-2 text-xs">
                <time dateTime={request.createdAt.toISOString()}>{request.createdAt.toISOString().replace("T", " ").slice(0, 19)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
