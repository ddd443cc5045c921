import clsx from "clsx";

/** "Connected" or "Error" as a coloured badge. */
export function StatusBadge({ status }: { status: "connected" | "error" }) {
  return (
    <span
      className={clsx(
        "inline-block rounded-full px-2.5 py-0.5 text-xs font-medium",
        status === "connected" ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800",
      )}
    >
      {status === "connected" ? "Connected" : "Error"}
    </span>
  );
}

/** A time as "2026-12-04 20:28 UTC", or "Never". */
export function VerifiedTime({ at }: { at: Date | null }) {
  if (!at) return <>Never</>;
  return (
    <time dateTime={at.toISOString()} className="whitespace-nowrap">
      {at.toISOString().slice(0, 16).replace("T", " ")} UTC
    </time>
  );
}

export const ACCOUNT_TYPE_LABELS = { management: "Management Account", linked: "Linked Account" } as const;
