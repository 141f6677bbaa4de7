'use client';

import * as React from 'react';
import { Toast as ToastPrimitive } from 'radix-ui';
import { cva } from 'class-variance-authority';
import { CircleAlertIcon, CircleCheckIcon, TriangleAlertIcon, XIcon } from 'lucide-react';

import { cn } from '@/lib/ui/cn';
import {
  dismissToast,
  getServerToasts,
  getToasts,
  subscribeToasts,
  toast,
  type ToastRecord,
  type ToastVariant,
} from '@/lib/ui/toast-store';

export { toast, dismissToast };
export type { ToastAction, ToastHandle, ToastOptions, ToastVariant } from '@/lib/ui/toast-store';

/** The current toasts (open and closing). */
export function useToasts(): readonly ToastRecord[] {
  return React.useSyncExternalStore(subscribeToasts, getToasts, getServerToasts);
}

const toastVariants = cva(
  'group pointer-events-auto relative flex w-full items-start gap-3 overflow-hidden rounded-lg border p-4 pr-9 shadow-lg',
  {
    variants: {
      variant: {
        default: 'bg-popover text-popover-foreground',
        success: 'bg-popover text-popover-foreground [&_[data-slot=toast-icon]]:text-success',
        warning: 'bg-popover text-popover-foreground [&_[data-slot=toast-icon]]:text-warning',
        destructive:
          'border-destructive/40 bg-popover text-popover-foreground [&_[data-slot=toast-icon]]:text-destructive',
      },
    },
    defaultVariants: { variant: 'default' },
  },
);

const VARIANT_ICON: Record<ToastVariant, React.ComponentType<{ className?: string; 'aria-hidden'?: 'true' }> | null> = {
  default: null,
  success: CircleCheckIcon,
  warning: TriangleAlertIcon,
  destructive: CircleAlertIcon,
};

function ToastItem({ record }: { record: ToastRecord }) {
  const variant = record.variant ?? 'default';
  const Icon = VARIANT_ICON[variant];
  const duration = record.duration ?? (variant === 'destructive' ? 8000 : 5000);
  return (
    <ToastPrimitive.Root
      data-slot="toast"
      data-variant={variant}
      open={record.open}
      onOpenChange={(open) => {
        if (!open) dismissToast(record.id);
      }}
      duration={duration}
      // Errors interrupt the screen reader; everything else waits politely.
      type={variant === 'destructive' ? 'foreground' : 'background'}
      className={cn(
        toastVariants({ variant }),
        'data-[state=open]:animate-toast-in data-[state=closed]:animate-toast-out',
        'data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=cancel]:translate-x-0 data-[swipe=cancel]:transition-[translate] data-[swipe=end]:animate-toast-swipe-out',
      )}
    >
      {Icon ? (
        <span data-slot="toast-icon" className="mt-0.5 shrink-0">
          <Icon className="size-4" aria-hidden="true" />
        </span>
      ) : null}
      <div className="grid min-w-0 flex-1 gap-1">
        {record.title ? (
          <ToastPrimitive.Title data-slot="toast-title" className="text-sm font-medium">
            {record.title}
          </ToastPrimitive.Title>
        ) : null}
        {record.description ? (
          <ToastPrimitive.Description
            data-slot="toast-description"
            className="text-sm break-words text-muted-foreground"
          >
            {record.description}
          </ToastPrimitive.Description>
        ) : null}
        {record.action ? (
          <div className="mt-1">
            <ToastPrimitive.Action
              data-slot="toast-action"
              altText={record.action.altText ?? record.action.label}
              onClick={record.action.onClick}
              className="inline-flex h-7 items-center justify-center rounded-md border bg-background px-2.5 text-xs font-medium shadow-xs transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              {record.action.label}
            </ToastPrimitive.Action>
          </div>
        ) : null}
      </div>
      <ToastPrimitive.Close
        data-slot="toast-close"
        aria-label="Dismiss notification"
        className="absolute top-2.5 right-2.5 rounded-sm p-0.5 text-muted-foreground opacity-70 transition-opacity outline-none hover:opacity-100 focus-visible:opacity-100 focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <XIcon className="size-4" aria-hidden="true" />
      </ToastPrimitive.Close>
    </ToastPrimitive.Root>
  );
}

/**
 * Renders the toasts created with `toast()`. Mount once, near the root
 * (inside <body>). F8 moves focus to the toast region (Radix default hotkey).
 */
export function Toaster({
  swipeDirection = 'right',
  label = 'Notifications',
}: {
  swipeDirection?: React.ComponentProps<typeof ToastPrimitive.Provider>['swipeDirection'];
  label?: string;
}) {
  const toasts = useToasts();
  return (
    <ToastPrimitive.Provider swipeDirection={swipeDirection} label={label}>
      {toasts.map((record) => (
        <ToastItem key={record.id} record={record} />
      ))}
      <ToastPrimitive.Viewport
        data-slot="toast-viewport"
        className="fixed right-0 bottom-0 z-[100] m-0 flex max-h-screen w-full list-none flex-col gap-2 p-4 outline-none sm:max-w-[400px]"
      />
    </ToastPrimitive.Provider>
  );
}
