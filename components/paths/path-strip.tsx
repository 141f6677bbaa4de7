// A path on one line: each turn a box of its calls (nested calls dimmed), empty split turns as
// labelled gaps. Used in the list; the editor draws turns as lanes instead.
import type { PathTurn } from '@/lib/magnet/paths';
import { cn } from '@/lib/ui/cn';

export const KIND_LABEL = { normal: 'normal', miss_param: 'asks for a value', miss_func: 'function withheld' } as const;

export function PathStrip({ turns, className }: { turns: readonly PathTurn[]; className?: string }) {
  return (
    <ol className={cn('flex flex-wrap items-center gap-1', className)} aria-label="turns">
      {turns.map((t, i) => (
        <li key={i} className="flex items-center gap-1">
          {i > 0 && (
            <span className="text-muted-foreground text-xs" aria-hidden>
              →
            </span>
          )}
          {t.kind === 'normal' ? (
            <span className="bg-muted/60 inline-flex flex-wrap items-center gap-1 rounded border px-1.5 py-0.5">
              {t.calls.map((c, j) => (
                <span
                  key={j}
                  className={cn('font-mono text-[12px]', c.nested && 'text-muted-foreground italic')}
                  title={c.nested ? 'nested: the user does not name it' : undefined}
                >
                  {j > 0 && <span className="text-muted-foreground">+</span>}
                  {c.name}
                </span>
              ))}
              {t.dependsOnTurn !== undefined && (
                <span className="text-[10px] text-violet-600" title={`uses an output of turn ${t.dependsOnTurn + 1}`}>
                  ↩{t.dependsOnTurn + 1}
                </span>
              )}
            </span>
          ) : (
            <span
              className={cn(
                'rounded border border-dashed px-1.5 py-0.5 text-[11px]',
                t.kind === 'miss_param' ? 'border-amber-400 text-amber-700' : 'border-rose-400 text-rose-700',
              )}
            >
              {t.kind === 'miss_param' ? `asks: ${t.missing?.param ?? '?'}` : `withheld: ${t.withheld?.name ?? '?'}`}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
