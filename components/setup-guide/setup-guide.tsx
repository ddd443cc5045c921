"use client";

import * as Dialog from "@radix-ui/react-dialog";
import * as Tabs from "@radix-ui/react-tabs";
import { CloudFormationSteps } from "./cloudformation-steps";
import { CopyableValue } from "./copyable-value";
import type { SetupGuideData } from "./guide-data";
import { PermissionsList } from "./permissions-list";
import { SandboxStack } from "./sandbox-stack";
import { StackSetSteps } from "./stackset-steps";
import { TerraformSteps } from "./terraform-steps";

const tabClasses =
  "border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700";

/** Renders the setup guide behind the Information ("i") button: the values to paste, the steps and the downloads. */
export function SetupGuide({ data }: { data: SetupGuideData }) {
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
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(52rem,95vw)] -translate-x-1/2 -translate-y-1/2 space-y-5 overflow-y-auto rounded-xl bg-white p-6 shadow-xl">
          <div className="flex items-start justify-between">
            <Dialog.Title className="text-lg font-semibold">Setup guide</Dialog.Title>
            <Dialog.Close aria-label="Close" className="rounded px-2 text-xl leading-none text-slate-500 hover:bg-slate-100">
              ×
            </Dialog.Close>
          </div>
          <Dialog.Description className="text-sm text-slate-600">
            Create a read-only IAM role in the AWS account that trusts this portal only with your workspace&apos;s External ID, then paste the
            role&apos;s ARN into AWS Role ARN.
          </Dialog.Description>

          <div className="space-y-3">
            <CopyableValue label="External ID" value={data.externalId} />
            {data.principal.ok ? (
              <CopyableValue label="Platform principal ARN" value={data.principal.arn} />
            ) : (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {data.principal.message}
              </p>
            )}
          </div>

          <Tabs.Root defaultValue="cloudformation" className="space-y-3">
            <Tabs.List aria-label="How to create the role" className="flex gap-1 border-b border-slate-200">
              <Tabs.Trigger value="cloudformation" className={tabClasses}>
                CloudFormation
              </Tabs.Trigger>
              <Tabs.Trigger value="terraform" className={tabClasses}>
                Terraform
              </Tabs.Trigger>
              {data.accountType === "linked" && (
                <Tabs.Trigger value="stackset" className={tabClasses}>
                  StackSet for all member accounts
                </Tabs.Trigger>
              )}
            </Tabs.List>
            <Tabs.Content value="cloudformation">
              <CloudFormationSteps data={data} />
            </Tabs.Content>
            <Tabs.Content value="terraform">
              <TerraformSteps data={data} />
            </Tabs.Content>
            {data.accountType === "linked" && (
              <Tabs.Content value="stackset">
                <StackSetSteps data={data} />
              </Tabs.Content>
            )}
          </Tabs.Root>

          <PermissionsList permissions={data.permissions} />
          {data.sandbox && data.canEdit && data.principal.ok && <SandboxStack accountType={data.accountType} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
