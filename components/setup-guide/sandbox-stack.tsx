"use client";

import { useState, useTransition } from "react";
import { createSandboxStackAction } from "@/app/(app)/onboarding/aws/actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { SandboxStack as SandboxStackResult } from "@/lib/aws/sandbox";

/** Creates the stack in the local AWS emulator and shows its Outputs the way the CloudFormation console does. */
export function SandboxStack({ accountType }: { accountType: "management" | "linked" }) {
  const [stack, setStack] = useState<SandboxStackResult>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function create() {
    setError(undefined);
    startTransition(async () => {
      const result = await createSandboxStackAction(accountType);
      if (result.ok) setStack(result.data);
      else setError(result.message);
    });
  }

  return (
    <section aria-labelledby="sandbox-heading" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h3 id="sandbox-heading" className="text-sm font-semibold text-amber-900">
        Sandbox
      </h3>
      <p className="text-sm text-amber-900">
        The portal runs against a local AWS emulator.{" "}
        {accountType === "management"
          ? "It can create an emulated organization and this stack in its management account for you, as the CloudFormation console would."
          : "It can create this stack in a member account of the sandbox organization that is not linked yet, as a StackSet would."}
      </p>
      <Button variant="secondary" onClick={create} disabled={pending}>
        {pending ? "Creating stack…" : "Create this stack in the sandbox"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      {stack && (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">
            Stack <span className="font-mono">{stack.stackName}</span> reached CREATE_COMPLETE in account{" "}
            <span className="font-mono">{stack.accountId}</span>, region {stack.region}.
          </p>
          <table aria-label="Outputs" className="w-full border-collapse bg-white text-left text-sm">
            <caption className="py-1 text-left font-semibold">Outputs</caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-500 uppercase">
                <th className="px-2 py-1">Key</th>
                <th className="px-2 py-1">Value</th>
                <th className="px-2 py-1">Description</th>
              </tr>
            </thead>
            <tbody>
              {stack.outputs.map((output) => (
                <tr key={output.OutputKey} className="border-b border-slate-100 align-top">
                  <td className="px-2 py-1 font-mono">{output.OutputKey}</td>
                  <td className="px-2 py-1">
                    <div className="flex items-start gap-2">
                      <span className="font-mono break-all">{output.OutputValue}</span>
                      <CopyButton value={output.OutputValue ?? ""} label={output.OutputKey ?? "value"} />
                    </div>
                  </td>
                  <td className="px-2 py-1 text-slate-600">{output.Description ?? "-"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
