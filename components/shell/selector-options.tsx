"use client";

import clsx from "clsx";
import type { SelectorAccount, SelectorResults } from "@/lib/accounts/search";

/** The IDs the arrow keys move through, in display order: each management account, then its linked accounts. */
export function selectableIds(results: SelectorResults): string[] {
  return results.groups.flatMap((group) => [...(group.management ? [group.management.id] : []), ...group.linked.map((account) => account.id)]);
}

interface SelectorOptionsProps {
  results: SelectorResults | undefined;
  currentId: string | undefined;
  activeId: string | undefined;
  busy: boolean;
  onChoose(accountId: string): void;
  onHover(accountId: string): void;
}

/** The selector's listbox: management accounts, each followed by its linked accounts, the current one marked. */
export function SelectorOptions({ results, currentId, activeId, busy, onChoose, onHover }: SelectorOptionsProps) {
  if (!results) return <p className="px-2 py-1 text-sm text-slate-500">Loading accounts…</p>;
  if (results.groups.length === 0) return <p className="px-2 py-1 text-sm text-slate-500">No account matches the search.</p>;

  function option(account: SelectorAccount, nested: boolean) {
    const current = account.id === currentId;
    return (
      <li
        key={account.id}
        id={`account-option-${account.id}`}
        role="option"
        aria-selected={current}
        aria-disabled={busy || undefined}
        onClick={() => onChoose(account.id)}
        onMouseEnter={() => onHover(account.id)}
        className={clsx(
          "flex cursor-pointer items-center justify-between gap-2 rounded px-2 py-1.5 text-sm",
          nested && "pl-6",
          account.id === activeId && "bg-slate-100",
        )}
      >
        <span className="min-w-0">
          <span className={clsx("block truncate", !nested && "font-medium")}>{account.name}</span>
          <span className="block font-mono text-xs text-slate-500">
            {account.awsAccountId} · {account.awsAccountType === "management" ? "Management" : "Linked"}
            {account.status === "error" && <span className="text-red-700"> · Error</span>}
          </span>
        </span>
        {current && (
          <span aria-label="current account" className="text-brand-600">
            ✓
          </span>
        )}
      </li>
    );
  }

  return (
    <div className="max-h-80 overflow-y-auto">
      <ul id="account-selector-list" role="listbox" aria-label="Accounts">
        {results.groups.map((group) => (
          <li key={group.management?.id ?? "no-management"} role="presentation">
            <ul role="group" aria-label={group.management ? group.management.name : "Linked accounts without a management account"}>
              {group.management && option(group.management, false)}
              {group.linked.map((account) => option(account, true))}
            </ul>
          </li>
        ))}
      </ul>
      {results.truncated && <p className="px-2 pt-1 text-xs text-slate-500">More accounts match. Type more of a name or an account ID.</p>}
    </div>
  );
}
