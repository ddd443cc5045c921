"use client";

import { useActionState } from "react";
import { connectAction } from "@/app/(app)/onboarding/aws/actions";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** "AWS Account Name", "AWS Role ARN" and "Connect", with the connect procedure's messages inline. */
export function ConnectForm({ accountType }: { accountType: "management" | "linked" }) {
  const [state, action, pending] = useActionState(connectAction, undefined);
  const failed = state && !state.ok ? state : undefined;

  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="accountType" value={accountType} />
      <Field id="name" name="name" label="AWS Account Name" placeholder="Production" maxLength={64} error={failed?.fieldErrors?.name} />
      <Field
        id="roleArn"
        name="roleArn"
        label="AWS Role ARN"
        placeholder="arn:aws:iam::111122223333:role/XOps360Integration"
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
