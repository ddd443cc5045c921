"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { verifyAccountAction } from "@/app/(app)/(workspace)/integrations/actions";
import { Button } from "@/components/ui/button";

/** "Verify now": re-runs the connect checks with the stored role ARN and shows the outcome. */
export function VerifyButton({ account }: { account: { id: string; name: string } }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function verify() {
    startTransition(async () => {
      const result = await verifyAccountAction(account.id);
      if (result.ok) toast.success(result.message ?? "The account is connected.");
      else toast.error(result.message);
      router.refresh();
    });
  }

  return (
    <Button variant="secondary" className="px-3 py-1" onClick={verify} disabled={pending} aria-label={`Verify ${account.name} now`}>
      {pending ? "Verifying…" : "Verify now"}
    </Button>
  );
}
