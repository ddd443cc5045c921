"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { SandboxStack } from "./sandbox-stack";

export interface SetupGuideProps {
  accountType: "management" | "linked";
  externalId: string;
  /** The portal's AWS identity, or an error message when it could not be read. */
  principal: { ok: true; arn: string } | { ok: false; message: string };
  templateUrl: string;
  sandbox: boolean;
}

function CopyableValue({ label, value }: { label: string; value: string }) {
  return (
    <div className="space-y-1">
      <div className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</div>
      <div className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
        <code className="flex-1 text-sm break-all" data-testid={`value-${label}`}>
          {value}
        </code>
        <CopyButton value={value} label={label} />
      </div>
    </div>
  );
}

/** The setup guide behind the Information ("i") button: the steps, the values to paste, the template. */
export function SetupGuide({ accountType, externalId, principal, templateUrl, sandbox }: SetupGuideProps) {
  return (
    <Dialog.Root>
      <Dialog.Trigger
        aria-label="Information"
        className="flex h-7 w-7 items-center justify-center rounded-full border border-brand-500 text-sm font-semibold text-brand-600 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        i
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(48rem,95vw)] -translate-x-1/2 -translate-y-1/2 space-y-5 overflow-y-auto rounded-xl bg-white p-6 shadow-xl">
          <div className="flex items-start justify-between">
            <Dialog.Title className="text-lg font-semibold">Setup guide</Dialog.Title>
            <Dialog.Close aria-label="Close" className="rounded px-2 text-xl leading-none text-slate-500 hover:bg-slate-100">
              ×
            </Dialog.Close>
          </div>
          <Dialog.Description className="text-sm text-slate-600">
            Create a read-only IAM role in the AWS account with the portal&apos;s CloudFormation template, then paste the role&apos;s ARN here.
          </Dialog.Description>

          <div className="space-y-3">
            <CopyableValue label="External ID" value={externalId} />
            {principal.ok ? (
              <CopyableValue label="Platform principal ARN" value={principal.arn} />
            ) : (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {principal.message}
              </p>
            )}
          </div>

          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-800">
            <li>
              Download the{" "}
              <a href={templateUrl} download className="font-medium text-brand-600 hover:underline">
                CloudFormation template
              </a>{" "}
              for a {accountType === "management" ? "management" : "linked"} account.
            </li>
            <li>
              Sign in to the AWS account, open CloudFormation in any region, choose Create stack, With new resources, and upload the template.
            </li>
            <li>Enter the External ID and the platform principal ARN above as the stack&apos;s parameters. Keep the default RoleName.</li>
            <li>Acknowledge that CloudFormation might create IAM resources with custom names, and create the stack.</li>
            <li>When the stack reaches CREATE_COMPLETE, open its Outputs tab and copy the value of RoleArn.</li>
            <li>Paste it into AWS Role ARN, enter an AWS Account Name, and click Connect.</li>
          </ol>

          {sandbox && principal.ok && <SandboxStack accountType={accountType} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
