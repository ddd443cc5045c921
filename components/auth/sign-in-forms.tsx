"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { signInAction, signInWithSsoAction, signUpAction } from "@/app/signin/actions";
import { Field } from "@/components/ui/field";
import { useSubmitKeepingValues } from "@/components/ui/use-submit-keeping-values";
import { buttonClasses } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

function FormMessage({ state }: { state: ActionResult | undefined }) {
  if (!state || state.ok || state.fieldErrors) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.message}
    </p>
  );
}

function SsoSubmit({ name }: { name: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClasses("primary", "w-full")}>
      {pending ? `Redirecting to ${name}…` : `Sign in with ${name}`}
    </button>
  );
}

/** "Sign in with <name>": starts the OIDC sign-in at the configured identity provider. */
export function SsoButton({ name, callbackUrl }: { name: string; callbackUrl?: string }) {
  return (
    <form action={signInWithSsoAction}>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <SsoSubmit name={name} />
    </form>
  );
}

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState(signInAction, undefined);
  const submit = useSubmitKeepingValues(action);
  return (
    <form onSubmit={submit} className="space-y-4">
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field id="email" name="email" type="email" label="E-mail" autoComplete="username" required />
      <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClasses("primary", "w-full")}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="text-center text-sm text-slate-600">
        New to XOps 360?{" "}
        <Link href="/signin?mode=signup" className="font-medium text-brand-600 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}

interface SignUpFormProps {
  minLength: number;
  /** The token of the invitation being accepted: the account joins its workspace instead of creating one. */
  invitationToken?: string;
  email?: string;
}

export function SignUpForm({ minLength, invitationToken, email }: SignUpFormProps) {
  const [state, action, pending] = useActionState(signUpAction, undefined);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submit = useSubmitKeepingValues(action);
  return (
    <form onSubmit={submit} className="space-y-4">
      {invitationToken && <input type="hidden" name="invitationToken" value={invitationToken} />}
      <Field id="email" name="email" type="email" label="E-mail" autoComplete="username" required defaultValue={email} error={errors?.email} />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={minLength}
        hint={`At least ${minLength} characters.`}
        error={errors?.password}
      />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClasses("primary", "w-full")}>
        {pending ? "Creating account…" : "Sign up"}
      </button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={invitationToken ? `/signin?callbackUrl=${encodeURIComponent(`/invite/${invitationToken}`)}` : "/signin"} className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
