"use client";

import { useActionState } from "react";
import { connectAction } from "@/app/(app)/onboarding/aws/actions";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useSubmitKeepingValues } from "@/components/ui/use-submit-keeping-values";

/** "AWS Account Name", "AWS Role ARN" and "Connect", with the connect procedure's messages inline. */
export function ConnectForm({ accountType, roleArn, canEdit }: { accountType: "management" | "linked"; roleArn?: string; canEdit: boolean }) {
  const [state, action, pending] = useActionState(connectAction, undefined);
  const failed = state && !state.ok ? state : undefined;
  const submit = useSubmitKeepingValues(action);
  if (!canEdit) {
    return <p className="text-sm text-slate-700">Your role (viewer) can see accounts but not link them. Ask an owner or admin of the workspace.</p>;
  }

  return (
    <form onSubmit={submit} className="space-y-5">
      <input type="hidden" name="accountType" value={accountType} />
      <Field id="name" name="name" label="AWS Account Name" placeholder="Production" maxLength={64} error={failed?.fieldErrors?.name} />
      <Field
        id="roleArn"
        name="roleArn"
        label="AWS Role ARN"
        placeholder="arn:aws:iam::111122223333:role/XOps360Integration"
        defaultValue={roleArn}
        spellCheck={false}
        autoComplete="off"
        error={failed?.fieldErrors?.roleArn}
      />
      {failed && !failed.fieldErrors && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {failed.message}
        </p>
      )}
      <button type="submit" disabled={pending} className={buttonClasses("primary")}>
        {pending ? "Connecting…" : "Connect"}
      </button>
      {pending && (
        <p role="status" className="text-sm text-slate-600">
          Checking the role in AWS. A role created in the last minute can take up to half a minute while IAM propagates it.
        </p>
      )}
    </form>
  );
}
