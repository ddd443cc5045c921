"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { startTransition } from "react";
import { signOutAction } from "@/app/(app)/actions";

/** The bottom-left profile menu: the user's e-mail, "Accounts" and "Sign out". */
export function ProfileMenu({ email }: { email: string }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
        aria-label={`Profile menu for ${email}`}
      >
        <span className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700">
          {email.slice(0, 1).toUpperCase()}
        </span>
        <span className="truncate">{email}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content side="top" align="start" className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-slate-500">{email}</DropdownMenu.Label>
          <DropdownMenu.Item asChild className="block cursor-pointer rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-slate-100">
            <Link href="/integrations">Accounts</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          {/* The menu unmounts its content when an item is chosen, so a form inside it would never submit. */}
          <DropdownMenu.Item
            onSelect={() => startTransition(() => signOutAction())}
            className="w-full cursor-pointer rounded px-2 py-1.5 text-left text-sm outline-none data-highlighted:bg-slate-100"
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
