import * as RadixDialog from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { cn } from '../lib/cn';
import { CloseIcon } from './Icons';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** Read with the title when the dialog opens. */
  description?: ReactNode;
  children?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** Shows a warning stripe for destructive confirmations. */
  tone?: 'default' | 'danger';
  /** Hide the × button (e.g. while something is being saved). */
  hideClose?: boolean;
  /** Where focus goes when the dialog opens; default the first focusable element. */
  onOpenAutoFocus?: (event: Event) => void;
}

const sizes = { sm: 'sm:max-w-sm', md: 'sm:max-w-md', lg: 'sm:max-w-xl' } as const;

/**
 * A modal dialog (Radix): focus moves in and is trapped, Escape and the × close it, focus returns
 * to what opened it, and the rest of the page is hidden from assistive technology. A bottom
 * sheet on phones, centred from the `sm` breakpoint.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  size = 'md',
  tone = 'default',
  hideClose = false,
  onOpenAutoFocus,
}: DialogProps) {
  // These dialogs are opened by state, not by a Radix trigger, so remember what had focus
  // (before Radix moves it into the dialog) and give it back on close.
  const returnFocusTo = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open)
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay fixed inset-0 z-50 bg-slate-900/45 backdrop-blur-[2px]" />
        <RadixDialog.Content
          onOpenAutoFocus={onOpenAutoFocus}
          onCloseAutoFocus={(event) => {
            const target = returnFocusTo.current;
            returnFocusTo.current = null;
            if (target?.isConnected && target !== document.body) {
              event.preventDefault();
              target.focus();
            }
          }}
          // Without a description, say so explicitly (Radix otherwise points at a missing element).
          {...(description ? {} : { 'aria-describedby': undefined })}
          className={cn(
            'dialog-content fixed inset-x-0 bottom-0 z-50 max-h-[92dvh] overflow-y-auto rounded-t-2xl bg-white p-5 shadow-2xl ring-1 ring-slate-200',
            'pb-[max(1.25rem,env(safe-area-inset-bottom))] focus:outline-none',
            'sm:inset-x-auto sm:top-1/2 sm:bottom-auto sm:left-1/2 sm:w-[calc(100vw-2rem)] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-2xl sm:p-6',
            sizes[size],
          )}
        >
          {tone === 'danger' ? (
            <div aria-hidden="true" className="absolute inset-x-0 top-0 h-1 rounded-t-2xl bg-red-600" />
          ) : null}
          <div className="pr-8">
            <RadixDialog.Title className="text-lg font-semibold text-slate-900">{title}</RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="mt-2 text-sm leading-6 text-slate-600">
                {description}
              </RadixDialog.Description>
            ) : null}
          </div>
          <div className="mt-5">{children}</div>
          {hideClose ? null : (
            <RadixDialog.Close
              aria-label="Close"
              className="absolute top-4 right-4 inline-flex size-9 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-900"
            >
              <CloseIcon className="size-5" />
            </RadixDialog.Close>
          )}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The row of buttons at the foot of a dialog: stacked full-width on phones, right-aligned above. */
export function DialogActions({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={cn('mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end', className)}>
      {children}
    </div>
  );
}
