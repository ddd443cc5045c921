"use client";

import * as Dialog from "@radix-ui/react-dialog";

interface ModalProps {
  title: string;
  description: React.ReactNode;
  trigger: React.ReactNode;
  open: boolean;
  onOpenChange(open: boolean): void;
  children: React.ReactNode;
}

/** A Radix dialog with the portal's overlay, title, description and close button. */
export function Modal({ title, description, trigger, open, onOpenChange, children }: ModalProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(32rem,95vw)] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-xl bg-white p-6 shadow-xl">
          <div className="flex items-start justify-between">
            <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
            <Dialog.Close aria-label="Close" className="rounded px-2 text-xl leading-none text-slate-500 hover:bg-slate-100">
              ×
            </Dialog.Close>
          </div>
          <Dialog.Description className="text-sm text-slate-600">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
