import type { SelectHTMLAttributes } from "react";

export const ROLE_LABELS = { owner: "Owner", admin: "Admin", viewer: "Viewer" } as const;

/** Renders a labelled select of the member roles owner, admin and viewer. */
export function RoleSelect({ id, label, ...select }: SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm" {...select}>
        {Object.entries(ROLE_LABELS).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
