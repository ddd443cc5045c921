"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteAccountAction } from "@/app/(app)/(workspace)/integrations/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";

/** "Delete" for a linked account: "Delete Account" stays disabled until the account's name is typed exactly. */
export function DeleteDialog({ account }: { account: { id: string; name: string; awsAccountId: string } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const matches = typed === account.name;

  function openChange(next: boolean) {
    setOpen(next);
    setTyped("");
    setError(undefined);
  }

  function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (!matches) return;
    startTransition(async () => {
      const result = await deleteAccountAction({ accountId: account.id, confirmName: typed });
      if (!result.ok) {
        setError(result.fieldErrors?.confirmName ?? result.message);
        return;
      }
      setOpen(false);
      toast.success(result.message ?? "The account was deleted.");
      router.refresh();
    });
  }

  return (
    <Modal
      title="Delete AWS Account"
      description={
        <>
          The portal stops using the role of <strong>{account.name}</strong> ({account.awsAccountId}). The stack and its role stay in the AWS account:
          delete the stack there if you no longer need it. You can link the account again later.
        </>
      }
      open={open}
      onOpenChange={openChange}
      trigger={
        <Button variant="secondary" className="px-3 py-1 text-red-700" aria-label={`Delete ${account.name}`}>
          Delete
        </Button>
      }
    >
      <form onSubmit={confirm} className="space-y-4">
        <Field
          id={`confirm-${account.id}`}
          label={`Type "${account.name}" to confirm`}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          error={error}
        />
        <Button type="submit" variant="danger" disabled={!matches || pending}>
          {pending ? "Deleting…" : "Delete Account"}
        </Button>
      </form>
    </Modal>
  );
}
