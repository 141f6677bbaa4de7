import * as React from 'react';

import { cn } from '@/lib/ui/cn';

type EmptyStateIcon = React.ComponentType<{ className?: string; 'aria-hidden'?: boolean | 'true' | 'false' }>;

type EmptyStateProps = Omit<React.ComponentProps<'div'>, 'title'> & {
  /** An icon component, e.g. a lucide icon: `icon={InboxIcon}`. Rendered decoratively. */
  icon?: EmptyStateIcon;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Call to action, e.g. a <Button>. */
  action?: React.ReactNode;
  /** Heading element for the title; pick the level that fits the page outline. Default 'h3'. */
  titleAs?: 'h2' | 'h3' | 'h4' | 'p';
};

/** Placeholder for a list, table or panel with nothing to show yet. Extra children render under the action. */
function EmptyState({
  icon: Icon,
  title,
  description,
  action,
  titleAs: Title = 'h3',
  className,
  children,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        'flex min-h-40 flex-col items-center justify-center gap-4 rounded-lg border border-dashed p-8 text-center text-balance',
        className,
      )}
      {...props}
    >
      {Icon ? (
        <div
          data-slot="empty-state-icon"
          className="flex size-10 items-center justify-center rounded-lg bg-muted text-muted-foreground [&_svg:not([class*='size-'])]:size-5"
        >
          <Icon aria-hidden="true" />
        </div>
      ) : null}
      <div className="flex max-w-sm flex-col items-center gap-1.5">
        <Title data-slot="empty-state-title" className="text-base font-medium tracking-tight">
          {title}
        </Title>
        {description ? (
          <div data-slot="empty-state-description" className="text-sm/relaxed text-muted-foreground">
            {description}
          </div>
        ) : null}
      </div>
      {action ? (
        <div data-slot="empty-state-action" className="flex flex-wrap items-center justify-center gap-2">
          {action}
        </div>
      ) : null}
      {children}
    </div>
  );
}

export { EmptyState };
export type { EmptyStateProps, EmptyStateIcon };
