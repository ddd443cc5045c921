"use client";

import { startTransition, type FormEvent } from "react";

/**
 * Returns a form's onSubmit handler that runs `action` with the form's data without letting React reset
 * the form. React resets a form after an action passed to its `action` prop, which would wipe what the
 * user typed when the server returns an error.
 */
export function useSubmitKeepingValues(action: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  };
}
