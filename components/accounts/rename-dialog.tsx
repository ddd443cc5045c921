"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { renameAccountAction } from "@/app/(app)/(workspace)/integrations/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { ACCOUNT_NAME_MAX_LENGTH } from "@/lib/accounts/account-name";

/** "Edit": a field with the current name and "Proceed", which saves it and shows a success message. */
export function RenameDialog({ account }: { account: { id: string; name: string } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(account.name);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function openChange(next: boolean) {
    setOpen(next);
    if (next) {
      setName(account.name);
      setError(undefined);
    }
  }

  function proceed(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await renameAccountAction({ accountId: account.id, name });
      if (!result.ok) {
        setError(result.fieldErrors?.name ?? result.message);
        return;
      }
      setOpen(false);
      toast.success(result.message ?? "The account was renamed.");
      router.refresh();
    });
  }

  return (
    <Modal
      title="Edit AWS Account"
      description={`Rename "${account.name}". Names are unique in the workspace, ignoring case.`}
      open={open}
      onOpenChange={openChange}
      trigger={
        <Button variant="secondary" className="px-3 py-1" aria-label={`Edit ${account.name}`}>
          Edit
        </Button>
      }
    >
      <form onSubmit={proceed} className="space-y-4">
        <Field id={`name-${account.id}`} label="AWS Account Name" value={name} onChange={(event) => setName(event.target.value)} maxLength={ACCOUNT_NAME_MAX_LENGTH * 2} error={error} />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Proceed"}
        </Button>
      </form>
    </Modal>
  );
}
