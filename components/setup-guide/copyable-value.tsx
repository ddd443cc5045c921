import { CopyButton } from "@/components/ui/copy-button";

/** Renders a value the user pastes elsewhere, with its copy button. */
export function CopyableValue({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  return (
    <div className="space-y-1">
      <div className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</div>
      <div className="flex items-start gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
        <code data-testid={`value-${label}`} className={multiline ? "flex-1 text-xs break-all whitespace-pre-wrap" : "flex-1 text-sm break-all"}>
          {value}
        </code>
        <CopyButton value={value} label={label} />
      </div>
    </div>
  );
}
