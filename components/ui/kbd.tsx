import * as React from 'react';

import { cn } from '@/lib/ui/cn';

/** A keyboard key, e.g. <Kbd>⌘</Kbd><Kbd>K</Kbd>. */
function Kbd({ className, ...props }: React.ComponentProps<'kbd'>) {
  return (
    <kbd
      data-slot="kbd"
      className={cn(
        "pointer-events-none inline-flex h-5 w-fit min-w-5 items-center justify-center gap-1 rounded-sm border border-b-2 bg-muted px-1 font-mono text-xs font-medium text-muted-foreground select-none [&_svg:not([class*='size-'])]:size-3",
        '[[data-slot=tooltip-content]_&]:border-background/30 [[data-slot=tooltip-content]_&]:bg-background/20 [[data-slot=tooltip-content]_&]:text-background',
        className,
      )}
      {...props}
    />
  );
}

/** Groups keys of one shortcut, e.g. <KbdGroup><Kbd>Ctrl</Kbd><Kbd>Enter</Kbd></KbdGroup>. */
function KbdGroup({ className, ...props }: React.ComponentProps<'kbd'>) {
  return <kbd data-slot="kbd-group" className={cn('inline-flex items-center gap-1', className)} {...props} />;
}

export { Kbd, KbdGroup };
