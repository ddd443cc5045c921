"use client";

import { useActionState } from "react";
import { acceptInvitationAction } from "@/app/invite/[token]/actions";
import { buttonClasses } from "@/components/ui/button";

export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, undefined);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} className={buttonClasses("primary", "w-full")}>
        {pending ? "Joining…" : "Accept invitation"}
      </button>
    </form>
  );
}
