'use client';

import { ArrowRight, Check, MousePointerClick, Trash2, X } from 'lucide-react';
import { memo, useState, type ComponentProps } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { cn } from '@/lib/ui/cn';
import type { GraphIndex } from './model';
import { EDGE_KINDS, type EdgeKind, type EdgeStatus, type GraphEdge, type Selection } from './types';
import type { GraphOps } from './use-graph-actions';

const STATUS_ORDER: Record<EdgeStatus, number> = { proposed: 0, accepted: 1, rejected: 2 };
const STATUS_BADGE: Record<EdgeStatus, 'secondary' | 'success' | 'destructive'> = {
  proposed: 'secondary',
  accepted: 'success',
  rejected: 'destructive',
};
const KIND_HELP: Record<EdgeKind, string> = {
  full: "full: the source's output is the target's input",
  partial: "partial: the source's output is part of the target's input",
  prerequisite: 'prerequisite: the source must run before the target',
};
const ROW_LIMIT = 100;

const byReview = (a: GraphEdge, b: GraphEdge) =>
  STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.confidence - a.confidence;

/** The right-hand panel: the selected function or edge, with every decision a curator can make on edges. */
export const SidePanel = memo(function SidePanel({
  index,
  selection,
  ops,
  busy,
  onFocusFunction,
  onSelectEdge,
}: {
  index: GraphIndex;
  selection: Selection;
  ops: GraphOps;
  busy: boolean;
  onFocusFunction(id: string): void;
  onSelectEdge(id: string): void;
}) {
  const fn = selection?.type === 'node' ? index.nodeById.get(selection.id) : undefined;
  const edge = selection?.type === 'edge' ? index.edgeById.get(selection.id) : undefined;

  return (
    <aside aria-label="Details" className="bg-background flex w-[22rem] shrink-0 flex-col overflow-hidden border-l">
      <div className="min-h-0 flex-1 overflow-y-auto">
        {fn ? (
          <FunctionDetails
            key={fn.id}
            id={fn.id}
            index={index}
            ops={ops}
            busy={busy}
            onFocusFunction={onFocusFunction}
            onSelectEdge={onSelectEdge}
          />
        ) : edge ? (
          <div className="space-y-4 p-4">
            <div>
              <p className="text-muted-foreground text-xs font-medium tracking-wide uppercase">Edge</p>
              <h2 className="mt-1 flex flex-wrap items-center gap-1.5 font-mono text-sm font-semibold">
                <FunctionLink id={edge.fromId} index={index} onFocus={onFocusFunction} />
                <ArrowRight className="text-muted-foreground size-3.5" aria-label="to" />
                <FunctionLink id={edge.toId} index={index} onFocus={onFocusFunction} />
              </h2>
            </div>
            <EdgeRow edge={edge} index={index} ops={ops} busy={busy} onFocusFunction={onFocusFunction} expanded />
          </div>
        ) : (
          <div className="text-muted-foreground flex flex-col items-center gap-3 p-8 text-center text-sm">
            <MousePointerClick className="size-6" aria-hidden />
            <p>Select a function or an edge to see its details and decide on its edges.</p>
            <p className="text-xs">
              Draw an edge by dragging from a function&apos;s right handle to another function&apos;s left handle.
            </p>
          </div>
        )}
      </div>
    </aside>
  );
});

function FunctionLink({ id, index, onFocus }: { id: string; index: GraphIndex; onFocus(id: string): void }) {
  const name = index.nodeById.get(id)?.name ?? id;
  return (
    <button
      type="button"
      className="hover:text-primary max-w-full truncate text-left font-mono underline-offset-2 hover:underline"
      onClick={() => onFocus(id)}
      title={`Show ${name}`}
    >
      {name}
    </button>
  );
}

function FunctionDetails({
  id,
  index,
  ops,
  busy,
  onFocusFunction,
  onSelectEdge,
}: {
  id: string;
  index: GraphIndex;
  ops: GraphOps;
  busy: boolean;
  onFocusFunction(id: string): void;
  onSelectEdge(id: string): void;
}) {
  const fn = index.nodeById.get(id)!;
  const edges = index.incident.get(id) ?? [];
  const incoming = edges.filter((e) => e.toId === id).sort(byReview);
  const outgoing = edges.filter((e) => e.fromId === id).sort(byReview);
  const required = new Set(fn.required);
  const group = index.groupById.get(index.groupOf.get(id) ?? '');

  return (
    <div className="space-y-5 p-4">
      <div className="space-y-1.5">
        <p className="text-muted-foreground text-xs font-medium tracking-wide uppercase">Function</p>
        <h2 className="font-mono text-base font-semibold break-all">{fn.name}</h2>
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge variant="outline" className="font-normal">
            <span className="size-2 rounded-full" style={{ background: group?.color }} aria-hidden />
            {group?.name ?? fn.category}
          </Badge>
          {!fn.hasReturns && <Badge variant="warning">no returns</Badge>}
        </div>
        {fn.description && <p className="text-muted-foreground text-sm whitespace-pre-wrap">{fn.description}</p>}
      </div>

      <section aria-label="Parameters" className="space-y-1.5">
        <h3 className="text-sm font-medium">Parameters</h3>
        {fn.params.length === 0 ? (
          <p className="text-muted-foreground text-xs">None</p>
        ) : (
          <ul className="flex flex-wrap gap-1">
            {fn.params.map((p) => (
              <li key={p}>
                <code
                  className={cn(
                    'rounded border px-1.5 py-0.5 text-xs',
                    required.has(p) ? 'border-foreground/30 font-semibold' : 'text-muted-foreground',
                  )}
                >
                  {p}
                  {required.has(p) && (
                    <span className="text-destructive" title="required">
                      *<span className="sr-only"> (required)</span>
                    </span>
                  )}
                </code>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="Outputs" className="space-y-1.5">
        <h3 className="text-sm font-medium">Outputs</h3>
        {fn.outputs.length === 0 ? (
          <p className="text-muted-foreground text-xs">{fn.hasReturns ? 'No named fields' : 'No return schema'}</p>
        ) : (
          <ul className="flex flex-wrap gap-1">
            {fn.outputs.map((o) => (
              <li key={o}>
                <code className="text-muted-foreground rounded border px-1.5 py-0.5 text-xs">{o}</code>
              </li>
            ))}
          </ul>
        )}
      </section>

      <EdgeList
        title="Incoming"
        edges={incoming}
        index={index}
        ops={ops}
        busy={busy}
        onFocusFunction={onFocusFunction}
        onSelectEdge={onSelectEdge}
      />
      <EdgeList
        title="Outgoing"
        edges={outgoing}
        index={index}
        ops={ops}
        busy={busy}
        onFocusFunction={onFocusFunction}
        onSelectEdge={onSelectEdge}
      />
    </div>
  );
}

function EdgeList({
  title,
  edges,
  ...rest
}: {
  title: string;
  edges: GraphEdge[];
  index: GraphIndex;
  ops: GraphOps;
  busy: boolean;
  onFocusFunction(id: string): void;
  onSelectEdge(id: string): void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? edges : edges.slice(0, ROW_LIMIT);
  const counts = { proposed: 0, accepted: 0, rejected: 0 };
  for (const e of edges) counts[e.status]++;
  return (
    <section aria-label={`${title} edges`} className="space-y-2">
      <h3 className="flex items-baseline justify-between text-sm font-medium">
        <span>
          {title} <span className="text-muted-foreground tabular-nums">({edges.length})</span>
        </span>
        {edges.length > 0 && (
          <span className="text-muted-foreground text-xs font-normal tabular-nums">
            {counts.accepted} accepted · {counts.proposed} proposed · {counts.rejected} rejected
          </span>
        )}
      </h3>
      {edges.length === 0 ? (
        <p className="text-muted-foreground text-xs">No {title.toLowerCase()} edges.</p>
      ) : (
        <ul className="space-y-2">
          {shown.map((e) => (
            <li key={e.id}>
              <EdgeRow edge={e} {...rest} />
            </li>
          ))}
        </ul>
      )}
      {!all && edges.length > ROW_LIMIT && (
        <Button variant="ghost" size="sm" onClick={() => setAll(true)}>
          Show {edges.length - ROW_LIMIT} more
        </Button>
      )}
    </section>
  );
}

/** One edge with its facts and its actions: accept, reject, retype, delete. */
function EdgeRow({
  edge,
  index,
  ops,
  busy,
  onFocusFunction,
  onSelectEdge,
  expanded = false,
}: {
  edge: GraphEdge;
  index: GraphIndex;
  ops: GraphOps;
  busy: boolean;
  onFocusFunction(id: string): void;
  onSelectEdge?(id: string): void;
  expanded?: boolean;
}) {
  const from = index.nodeById.get(edge.fromId)?.name ?? edge.fromId;
  const to = index.nodeById.get(edge.toId)?.name ?? edge.toId;
  return (
    <div
      data-testid={`edge-row-${from}->${to}`}
      data-status={edge.status}
      className={cn(
        'space-y-2 rounded-md border p-2.5 text-sm',
        edge.status === 'rejected' && 'bg-destructive/5',
        edge.status === 'accepted' && 'border-primary/30',
      )}
    >
      {!expanded && (
        <div className="flex min-w-0 items-center gap-1 font-mono text-xs">
          <FunctionLink id={edge.fromId} index={index} onFocus={onFocusFunction} />
          <ArrowRight className="text-muted-foreground size-3 shrink-0" aria-label="to" />
          <FunctionLink id={edge.toId} index={index} onFocus={onFocusFunction} />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <Badge variant={STATUS_BADGE[edge.status]} data-testid="edge-status">
          {edge.status}
        </Badge>
        <span className="text-muted-foreground tabular-nums" title="confidence">
          conf {edge.confidence.toFixed(2)}
        </span>
        <span className="text-muted-foreground">· {edge.provenance}</span>
        {onSelectEdge && (
          <button
            type="button"
            className="text-muted-foreground hover:text-foreground ml-auto underline-offset-2 hover:underline"
            onClick={() => onSelectEdge(edge.id)}
            aria-label={`Show the edge ${from} to ${to}`}
          >
            show
          </button>
        )}
      </div>
      {edge.reason && <p className="text-muted-foreground text-xs whitespace-pre-wrap">{edge.reason}</p>}
      {edge.mapping && edge.mapping.length > 0 && (
        <ul aria-label="Field mapping" className="space-y-0.5">
          {edge.mapping.map((m, i) => (
            <li key={i} className="flex flex-wrap items-center gap-1 font-mono text-[11px]">
              <code className="bg-muted rounded px-1">{m.output || '(whole output)'}</code>
              <ArrowRight className="text-muted-foreground size-3" aria-label="feeds" />
              <code className="bg-muted rounded px-1">{m.input}</code>
            </li>
          ))}
        </ul>
      )}
      {expanded && <p className="text-muted-foreground text-xs">version {edge.version}</p>}
      <div className="flex items-center gap-1">
        <RowAction
          label="Accept edge"
          disabled={busy || edge.status === 'accepted'}
          onClick={() => void ops.setStatus([edge.id], 'accepted')}
          className="hover:text-success"
        >
          <Check />
        </RowAction>
        <RowAction
          label="Reject edge"
          disabled={busy || edge.status === 'rejected'}
          onClick={() => void ops.setStatus([edge.id], 'rejected')}
          className="hover:text-destructive"
        >
          <X />
        </RowAction>
        <Select value={edge.kind} onValueChange={(v) => void ops.setKind([edge.id], v as EdgeKind)} disabled={busy}>
          <SelectTrigger
            size="sm"
            aria-label="Edge kind"
            className="h-8 w-[8.5rem] text-xs"
            title={KIND_HELP[edge.kind]}
          >
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {EDGE_KINDS.map((k) => (
              <SelectItem key={k} value={k} title={KIND_HELP[k]}>
                {k}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <RowAction
          label="Delete edge"
          disabled={busy}
          onClick={() => void ops.remove([edge.id])}
          className="hover:text-destructive ml-auto"
        >
          <Trash2 />
        </RowAction>
      </div>
    </div>
  );
}

function RowAction({
  label,
  className,
  children,
  ...props
}: { label: string } & Omit<ComponentProps<typeof Button>, 'aria-label'>) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={label} className={cn('size-8', className)} {...props}>
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent>{label}</TooltipContent>
    </Tooltip>
  );
}
