'use client';

import {
  ChevronDown,
  ChevronsDownUp,
  ChevronsUpDown,
  ListChecks,
  Loader2,
  Redo2,
  SlidersHorizontal,
  Sparkles,
  Undo2,
} from 'lucide-react';
import { memo, useId, useMemo, useState, type ReactNode } from 'react';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Input } from '@/components/ui/input';
import { Kbd } from '@/components/ui/kbd';
import { Label } from '@/components/ui/label';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { cn } from '@/lib/ui/cn';
import { KIND_DASH, STATUS_COLOR } from './model';
import { StrokeSample } from './stroke-sample';
import {
  DEFAULT_FILTERS,
  EDGE_KINDS,
  EDGE_STATUSES,
  type EdgeFilters,
  type EdgeStatus,
  type GraphData,
  type ProposeMethod,
} from './types';
import type { GraphActionState, GraphOps } from './use-graph-actions';

const STATUS_LABEL: Record<EdgeStatus, string> = { proposed: 'Proposed', accepted: 'Accepted', rejected: 'Rejected' };
const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

type BulkMode = 'accept' | 'reject';

export const GraphToolbar = memo(function GraphToolbar({
  search,
  data,
  filters,
  onFiltersChange,
  ops,
  state,
  showPropose,
  onExpandAll,
  onCollapseAll,
  expandAllHint = 'Expand all classes',
  shownEdges,
}: {
  search: ReactNode;
  data: GraphData;
  filters: EdgeFilters;
  onFiltersChange(f: EdgeFilters): void;
  ops: GraphOps;
  state: GraphActionState;
  /** False while the canvas shows the "no edges yet" call to action (which has the button instead). */
  showPropose: boolean;
  onExpandAll(): void;
  onCollapseAll(): void;
  /** What expanding every class means for this graph (for a large one, what the canvas then draws). */
  expandAllHint?: string;
  shownEdges: number;
}) {
  const [bulk, setBulk] = useState<BulkMode | null>(null);
  const mod = isMac() ? '⌘' : 'Ctrl';

  return (
    <div
      role="toolbar"
      aria-label="Graph tools"
      className="bg-background flex flex-wrap items-center gap-2 border-b px-4 py-2"
    >
      {search}
      {showPropose && <ProposeButton ops={ops} proposing={state.proposing} />}

      <div role="group" aria-label="Show edges by status" className="flex items-center gap-1">
        {EDGE_STATUSES.map((s) => (
          <Button
            key={s}
            variant="outline"
            size="sm"
            aria-pressed={filters.statuses[s]}
            className={cn('h-8 gap-1.5 px-2.5 text-xs', !filters.statuses[s] && 'text-muted-foreground opacity-70')}
            onClick={() =>
              onFiltersChange({ ...filters, statuses: { ...filters.statuses, [s]: !filters.statuses[s] } })
            }
          >
            <span
              className={cn('h-0.5 w-3 rounded', !filters.statuses[s] && 'opacity-40')}
              style={{ background: STATUS_COLOR[s] }}
              aria-hidden
            />
            {STATUS_LABEL[s]}
          </Button>
        ))}
      </div>

      <FiltersPopover filters={filters} onChange={onFiltersChange} />

      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" className="h-8" disabled={state.busy}>
            <ListChecks aria-hidden /> Bulk <ChevronDown className="size-3.5 opacity-60" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>Decide proposed edges by confidence</DropdownMenuLabel>
          <DropdownMenuItem onSelect={() => setBulk('accept')}>Accept all proposed ≥ a confidence…</DropdownMenuItem>
          <DropdownMenuItem variant="destructive" onSelect={() => setBulk('reject')}>
            Reject all proposed &lt; a confidence…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <BulkDialog mode={bulk} onClose={() => setBulk(null)} data={data} ops={ops} />

      <div className="flex items-center gap-0.5">
        <IconButton
          label="Undo"
          hint={state.undoLabel ? `Undo ${state.undoLabel}` : 'Nothing to undo'}
          keys={[mod, 'Z']}
          disabled={!state.canUndo}
          onClick={() => void ops.undo()}
        >
          <Undo2 />
        </IconButton>
        <IconButton
          label="Redo"
          hint={state.redoLabel ? `Redo ${state.redoLabel}` : 'Nothing to redo'}
          keys={[mod, '⇧', 'Z']}
          disabled={!state.canRedo}
          onClick={() => void ops.redo()}
        >
          <Redo2 />
        </IconButton>
        <IconButton label="Expand all classes" hint={expandAllHint} onClick={onExpandAll}>
          <ChevronsUpDown />
        </IconButton>
        <IconButton label="Collapse all classes" hint="Collapse all classes" onClick={onCollapseAll}>
          <ChevronsDownUp />
        </IconButton>
      </div>

      <p className="text-muted-foreground ml-auto flex items-center gap-2 text-xs tabular-nums" aria-live="polite">
        {state.busy && <Loader2 className="size-3.5 animate-spin" aria-label="Saving" />}
        {data.nodes.length} functions · {shownEdges} of {data.edges.length} edges shown
      </p>
    </div>
  );
});

function ProposeButton({ ops, proposing }: { ops: GraphOps; proposing: ProposeMethod | null }) {
  return (
    <div className="flex items-center">
      <Button
        size="sm"
        className="h-8 rounded-r-none"
        disabled={proposing !== null}
        onClick={() => void ops.propose('heuristic')}
      >
        {proposing ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />}
        Propose edges
      </Button>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            size="sm"
            className="border-primary-foreground/20 h-8 rounded-l-none border-l px-1.5"
            aria-label="Proposal method"
            disabled={proposing !== null}
          >
            <ChevronDown aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-72">
          <DropdownMenuItem onSelect={() => void ops.propose('heuristic')}>
            <div>
              <p>Heuristic</p>
              <p className="text-muted-foreground text-xs">Match output fields to input parameters by name and type.</p>
            </div>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => void ops.propose('llm')}>
            <div>
              <p>LLM judge</p>
              <p className="text-muted-foreground text-xs">
                Ask the project&apos;s teacher to label candidate pairs full, partial, prerequisite or none. Slower.
              </p>
            </div>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <p className="text-muted-foreground px-2 py-1 text-xs">Accepted and rejected edges are never changed.</p>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}

function FiltersPopover({ filters, onChange }: { filters: EdgeFilters; onChange(f: EdgeFilters): void }) {
  const id = useId();
  const changed =
    EDGE_KINDS.filter((k) => !filters.kinds[k]).length +
    (filters.minConfidence !== DEFAULT_FILTERS.minConfidence ? 1 : 0);
  const setMin = (v: number) =>
    onChange({ ...filters, minConfidence: Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0 });
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="h-8">
          <SlidersHorizontal aria-hidden /> Filters
          {changed > 0 && (
            <span className="bg-primary text-primary-foreground rounded-full px-1.5 text-[10px] tabular-nums">
              {changed}
            </span>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-72 space-y-4">
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium">Kinds</legend>
          {EDGE_KINDS.map((k) => (
            <div key={k} className="flex items-center gap-2">
              <Checkbox
                id={`${id}-${k}`}
                checked={filters.kinds[k]}
                onCheckedChange={(v) => onChange({ ...filters, kinds: { ...filters.kinds, [k]: v === true } })}
              />
              <Label htmlFor={`${id}-${k}`} className="flex-1 font-normal">
                {k}
              </Label>
              <StrokeSample dash={KIND_DASH[k]} color="var(--foreground)" />
            </div>
          ))}
        </fieldset>
        <div className="space-y-2">
          <Label htmlFor={`${id}-min`}>Hide proposed edges below</Label>
          <div className="flex items-center gap-2">
            <input
              id={`${id}-min`}
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={filters.minConfidence}
              onChange={(e) => setMin(Number(e.target.value))}
              className="accent-primary flex-1"
            />
            <Input
              type="number"
              min={0}
              max={1}
              step={0.05}
              aria-label="Minimum confidence"
              value={filters.minConfidence}
              onChange={(e) => setMin(Number(e.target.value))}
              className="h-8 w-20 tabular-nums"
            />
          </div>
          <p className="text-muted-foreground text-xs">
            Accepted and rejected edges are shown whatever their confidence.
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={() => onChange({ ...DEFAULT_FILTERS, statuses: filters.statuses })}>
          Reset
        </Button>
      </PopoverContent>
    </Popover>
  );
}

/** Confirms a bulk decision, saying beforehand (from the loaded graph) how many edges it will change. */
function BulkDialog({
  mode,
  onClose,
  data,
  ops,
}: {
  mode: BulkMode | null;
  onClose(): void;
  data: GraphData;
  ops: GraphOps;
}) {
  const [threshold, setThreshold] = useState({ accept: 0.8, reject: 0.3 });
  const id = useId();
  const value = mode ? threshold[mode] : 0;
  const count = useMemo(() => {
    if (!mode) return 0;
    let n = 0;
    for (const e of data.edges) {
      if (e.status !== 'proposed') continue;
      if (mode === 'accept' ? e.confidence >= value : e.confidence < value) n++;
    }
    return n;
  }, [data, mode, value]);
  const edges = `${count} proposed edge${count === 1 ? '' : 's'}`;
  return (
    <AlertDialog open={mode !== null} onOpenChange={(open) => !open && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            {mode === 'accept' ? 'Accept proposed edges by confidence' : 'Reject proposed edges by confidence'}
          </AlertDialogTitle>
          <AlertDialogDescription>
            {mode === 'accept'
              ? `This accepts ${edges} with confidence ≥ ${value}.`
              : `This rejects ${edges} with confidence < ${value}.`}{' '}
            Undo puts them back to proposed.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <div className="flex items-center gap-3">
          <Label htmlFor={`${id}-t`}>{mode === 'accept' ? 'Confidence at least' : 'Confidence below'}</Label>
          <Input
            id={`${id}-t`}
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={value}
            onChange={(e) => {
              const v = Math.min(1, Math.max(0, Number(e.target.value) || 0));
              if (mode) setThreshold((t) => ({ ...t, [mode]: v }));
            }}
            className="w-24 tabular-nums"
          />
        </div>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            variant={mode === 'reject' ? 'destructive' : 'default'}
            disabled={count === 0}
            onClick={() => {
              if (!mode) return;
              void ops.bulk(
                mode === 'accept'
                  ? { status: 'proposed', minConfidence: value }
                  : { status: 'proposed', maxConfidence: value },
                mode === 'accept' ? 'accepted' : 'rejected',
              );
            }}
          >
            {mode === 'accept' ? 'Accept' : 'Reject'} {count}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

function IconButton({
  label,
  hint,
  keys,
  disabled,
  onClick,
  children,
}: {
  label: string;
  hint: string;
  keys?: string[];
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button variant="ghost" size="icon" className="size-8" aria-label={label} disabled={disabled} onClick={onClick}>
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent className="flex items-center gap-2">
        {hint}
        {keys && (
          <span className="flex gap-0.5">
            {keys.map((k) => (
              <Kbd key={k}>{k}</Kbd>
            ))}
          </span>
        )}
      </TooltipContent>
    </Tooltip>
  );
}
