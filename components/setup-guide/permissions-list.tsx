import type { PermissionStatement } from "@/lib/aws/template-definition";

/** Lists every permission the role grants, with the reason the portal needs it. */
export function PermissionsList({ permissions }: { permissions: PermissionStatement[] }) {
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm">
      <summary className="cursor-pointer font-medium">Permissions the role grants (read-only)</summary>
      <ul className="mt-2 space-y-2">
        {permissions.map((permission) => (
          <li key={permission.sid}>
            <code className="text-xs">{permission.actions.join(", ")}</code>
            <p className="text-slate-600">{permission.reason}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}
