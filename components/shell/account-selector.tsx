"use client";

import * as Popover from "@radix-ui/react-popover";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { searchAccountsAction, selectAccountAction } from "@/app/(app)/(workspace)/actions";
import type { SelectorResults } from "@/lib/accounts/search";
import { SelectorOptions, selectableIds } from "./selector-options";

export interface CurrentAccount {
  id: string;
  name: string;
  awsAccountId: string;
}

const SEARCH_DELAY_MS = 200;

/**
 * The top-right "Select account" dropdown: a search box as a combobox over a listbox of management
 * accounts with their linked accounts, searched on the server as the user types. Arrow keys move, Enter
 * selects, Escape closes, and Tab reaches "Add Cloud Account".
 */
export function AccountSelector({ current, canAdd }: { current: CurrentAccount | null; canAdd: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<SelectorResults | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [activeId, setActiveId] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const latestRequest = useRef(0);

  useEffect(() => {
    if (!open) return;
    const request = ++latestRequest.current;
    const timer = setTimeout(async () => {
      const result = await searchAccountsAction(query);
      // Responses can arrive out of order, so only the latest query's results are shown.
      if (request !== latestRequest.current) return;
      if (result.ok) {
        setResults(result.data);
        setError(undefined);
        setActiveId(selectableIds(result.data)[0]);
      } else {
        setError(result.message);
      }
    }, query ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [open, query]);

  function choose(accountId: string) {
    startTransition(async () => {
      const result = await selectAccountAction(accountId);
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      setOpen(false);
      setQuery("");
      router.push("/");
      router.refresh();
    });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const ids = results ? selectableIds(results) : [];
    const index = activeId ? ids.indexOf(activeId) : -1;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveId(ids[(index + step + ids.length) % ids.length]);
    } else if (event.key === "Enter" && activeId) {
      event.preventDefault();
      choose(activeId);
    }
  }

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger
        aria-label={current ? `Select account, current: ${current.name}` : "Select account"}
        className="flex min-w-56 items-center justify-between gap-3 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        <span className="min-w-0">
          <span className="block text-xs text-slate-500">Select account</span>
          <span className="block truncate font-medium">{current ? current.name : "No account selected"}</span>
        </span>
        <span aria-hidden="true" className="text-slate-400">
          ▾
        </span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} className="z-50 w-96 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <input
            type="search"
            role="combobox"
            aria-label="Search accounts"
            aria-expanded="true"
            aria-controls="account-selector-list"
            aria-activedescendant={activeId ? `account-option-${activeId}` : undefined}
            placeholder="Search by name or account ID"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            className="mb-2 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
          {error && (
            <p role="alert" className="px-2 py-1 text-sm text-red-700">
              {error}
            </p>
          )}
          <SelectorOptions results={results} currentId={current?.id} activeId={activeId} busy={pending} onChoose={choose} onHover={setActiveId} />
          {canAdd && (
            <div className="mt-2 border-t border-slate-200 pt-2">
              <Link
                href="/onboarding"
                onClick={() => setOpen(false)}
                className="block rounded px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
              >
                Add Cloud Account
              </Link>
            </div>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
