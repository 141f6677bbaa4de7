// Small pieces the runs list, the run page and the conversation page share.
import { Badge, type BadgeProps } from '@/components/ui/badge';
import { cn } from '@/lib/ui/cn';

const STATUS: Record<string, { label: string; variant: BadgeProps['variant'] }> = {
  queued: { label: 'queued', variant: 'outline' },
  running: { label: 'running', variant: 'default' },
  done: { label: 'done', variant: 'success' },
  cancelled: { label: 'cancelled', variant: 'warning' },
  failed: { label: 'failed', variant: 'destructive' },
};

export function RunStatusBadge({ status, className }: { status: string; className?: string }) {
  const s = STATUS[status] ?? { label: status, variant: 'outline' as const };
  return (
    <Badge variant={s.variant} className={className} data-testid="run-status">
      {s.label}
    </Badge>
  );
}

/**
 * Translated (green) and failed (red) paths as one bar out of the run's total. A progressbar for
 * assistive technology, with the finished count as its value.
 */
export function RunProgress({
  total,
  succeeded,
  failed,
  className,
}: {
  total: number;
  succeeded: number;
  failed: number;
  className?: string;
}) {
  const finished = succeeded + failed;
  const pct = (n: number) => (total > 0 ? `${Math.min(100, (n / total) * 100)}%` : '0%');
  return (
    <div
      role="progressbar"
      aria-label="Run progress"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={finished}
      aria-valuetext={`${finished.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} paths finished`}
      className={cn('bg-muted flex h-2 w-full overflow-hidden rounded-full', className)}
    >
      <div className="bg-success h-full transition-[width] duration-500" style={{ width: pct(succeeded) }} />
      <div className="bg-destructive h-full transition-[width] duration-500" style={{ width: pct(failed) }} />
    </div>
  );
}

export const n = (x: number) => x.toLocaleString('en-US');

/** Dollars with enough digits to see what a cheap run cost. */
export function formatCost(usd: number) {
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}

/** 1234567 → "1.2M": token counts only need their size at a glance. */
export function compact(x: number) {
  return Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(x);
}

export function formatWhen(iso: string | null) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatSeconds(s: number) {
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

export const teacherLabel = (teacher: string) => (teacher === 'template' ? 'Template (built in)' : teacher);
export const runTitle = (r: { name: string }) => r.name || 'Untitled run';

/** Pretty JSON for people: strings that hold JSON are unpacked, other strings shown as they are. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    const t = value.trim();
    if (t.startsWith('{') || t.startsWith('[')) {
      try {
        return JSON.stringify(JSON.parse(t), null, 2);
      } catch {
        return value;
      }
    }
    return value;
  }
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** JSON (or any long text) as preformatted text that wraps instead of widening the page. */
export function JsonBlock({ value, className, label }: { value: unknown; className?: string; label?: string }) {
  return (
    <pre
      aria-label={label}
      className={cn(
        'bg-muted/50 max-h-96 overflow-auto rounded-md border px-3 py-2 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap [overflow-wrap:anywhere]',
        className,
      )}
    >
      {prettyJson(value)}
    </pre>
  );
}
