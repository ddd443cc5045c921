"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { inviteMemberAction } from "@/app/(app)/(workspace)/members/actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { useSubmitKeepingValues } from "@/components/ui/use-submit-keeping-values";
import { RoleSelect } from "./role-select";

/** "Invite member": creates an invitation and shows its link once, because the portal keeps only its hash. */
export function InviteForm() {
  const [errors, setErrors] = useState<Record<string, string> | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [link, setLink] = useState<{ url: string; email: string; expiresAt: Date } | undefined>();
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    startTransition(async () => {
      const result = await inviteMemberAction({ email: form.get("email"), role: form.get("role") });
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setMessage(result.fieldErrors ? undefined : result.message);
        return;
      }
      setErrors(undefined);
      setMessage(undefined);
      setLink({ url: `${window.location.origin}/invite/${result.data.token}`, email: result.data.email, expiresAt: new Date(result.data.expiresAt) });
      toast.success(result.message ?? "Invitation created.");
    });
  }

  const submitKeepingValues = useSubmitKeepingValues(submit);

  return (
    <section aria-labelledby="invite-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
      <h2 id="invite-heading" className="text-lg font-semibold">
        Invite member
      </h2>
      <form onSubmit={submitKeepingValues} className="flex flex-wrap items-start gap-3">
        <div className="min-w-64 flex-1">
          <Field id="invite-email" name="email" type="email" label="E-mail" autoComplete="off" required error={errors?.email} />
        </div>
        <RoleSelect id="invite-role" name="role" defaultValue="viewer" label="Role" />
        <Button type="submit" disabled={pending} className="mt-6">
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      {message && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      {link && (
        <div className="space-y-2 rounded-md bg-brand-50 p-3 text-sm">
          <p>
            Send this link to {link.email}. It works once and expires on {link.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC; the portal does
            not show it again.
          </p>
          <div className="flex items-center gap-2">
            <code aria-label="Invitation link" className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs">
              {link.url}
            </code>
            <CopyButton value={link.url} label="invitation link" />
          </div>
        </div>
      )}
    </section>
  );
}
