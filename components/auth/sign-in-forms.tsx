"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction, signUpAction } from "@/app/signin/actions";
import { Field } from "@/components/ui/field";
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

export function SignInForm() {
  const [state, action, pending] = useActionState(signInAction, undefined);
  return (
    <form action={action} className="space-y-4">
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

export function SignUpForm({ minLength }: { minLength: number }) {
  const [state, action, pending] = useActionState(signUpAction, undefined);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4">
      <Field id="email" name="email" type="email" label="E-mail" autoComplete="username" required error={errors?.email} />
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
        <Link href="/signin" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
