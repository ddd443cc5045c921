"use client";

import { useActionState, useEffect, useRef } from "react";
import { submitSupportRequestAction } from "@/app/(app)/(workspace)/support/new/actions";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useSubmitKeepingValues } from "@/components/ui/use-submit-keeping-values";

export interface SupportAccountOption {
  id: string;
  label: string;
}

interface SupportFormProps {
  subject: string;
  accountId: string;
  accounts: SupportAccountOption[];
}

/** "Submit Support Request": Subject, Description and the account concerned. */
export function SupportForm({ subject, accountId, accounts }: SupportFormProps) {
  const [state, action, pending] = useActionState(submitSupportRequestAction, undefined);
  const form = useRef<HTMLFormElement>(null);
  const submit = useSubmitKeepingValues(action);
  const failed = state && !state.ok ? state : undefined;

  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

  return (
    <form ref={form} onSubmit={submit} className="space-y-5">
      <Field id="subject" name="subject" label="Subject" defaultValue={subject} maxLength={200} error={failed?.fieldErrors?.subject} />
      <div className="space-y-1">
        <label htmlFor="description" className="block text-sm font-medium text-slate-800">
          Description
        </label>
        <textarea
          id="description"
          name="description"
          rows={5}
          maxLength={5000}
          aria-invalid={failed?.fieldErrors?.description ? true : undefined}
          aria-describedby={failed?.fieldErrors?.description ? "description-error" : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-invalid:border-red-500"
        />
        {failed?.fieldErrors?.description && (
          <p id="description-error" role="alert" className="text-sm text-red-700">
            {failed.fieldErrors.description}
          </p>
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor="accountId" className="block text-sm font-medium text-slate-800">
          Account concerned
        </label>
        <select id="accountId" name="accountId" defaultValue={accountId} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          <option value="">None</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.label}
            </option>
          ))}
        </select>
      </div>
      {failed && !failed.fieldErrors && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {failed.message}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} className={buttonClasses("primary")}>
        {pending ? "Submitting…" : "Submit Support Request"}
      </button>
    </form>
  );
}
