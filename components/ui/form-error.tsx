import type * as React from 'react';
import { cn } from '@/lib/ui/cn';

/** A form's error (usually the server's message), announced at once, with an optional action beside it. */
export function FormError({ children, action }: { children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div
      role="alert"
      className={cn(
        'border-destructive/40 bg-destructive/5 text-destructive rounded-md border px-3 py-2 text-sm',
        action && 'flex items-center justify-between gap-3',
      )}
    >
      {action ? (
        <>
          <span>{children}</span>
          {action}
        </>
      ) : (
        children
      )}
    </div>
  );
}
