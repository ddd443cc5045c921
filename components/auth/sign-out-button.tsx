"use client";

import { useTransition } from "react";
import { signOutAction } from "@/app/(app)/actions";
import { buttonClasses } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <button type="button" disabled={pending} onClick={() => startTransition(() => signOutAction())} className={buttonClasses("secondary")}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
