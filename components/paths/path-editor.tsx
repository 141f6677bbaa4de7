'use client';

// The path editor: turns as lanes, calls as chips. Every change (drag a function in, reorder
// turns or calls, remove, or a Merge / Insert / Split) is an operation appended to the path's
// history with the pure core's applyOperation, so it can be undone one step at a time; Save
// sends the history and the server replays it. Drag and drop is the browser's own, with
// buttons beside every drag for the keyboard.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ArrowDown,
  ArrowLeft,
  ArrowRight,
  ArrowUp,
  GripVertical,
  Plus,
  Save,
  Search,
  Undo2,
  Wand2,
  X,
} from 'lucide-react';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toaster';
import { ApiError } from '@/lib/client/api';
import {
  applyOperation,
  createPathValidator,
  indexGraph,
  PathOperationError,
  requiredInputs,
  splitCandidates,
  undoLast,
  type GraphIndex,
  type PathOperation,
  type SamplePath,
} from '@/lib/magnet/paths';
import { cn } from '@/lib/ui/cn';
import { fetchPath, fetchPathGraph, savePath, type PathView } from './api';
import { describeOperation } from './describe-operation';
import { PathDiagram } from './path-diagram';

/** What is being dragged: a function from the palette, a turn, or a call of a turn. */
type Drag =
  | { type: 'function'; id: string; name: string }
  | { type: 'turn'; index: number }
  | { type: 'call'; turn: number; index: number };

const MIME = 'application/x-magnet-path';

export function PathEditor({ projectId, pathId }: { projectId: string; pathId: string }) {
  const queryClient = useQueryClient();
  const stored = useQuery({
    queryKey: ['paths', projectId, 'one', pathId],
    queryFn: () => fetchPath(projectId, pathId),
  });
  const graph = useQuery({ queryKey: ['path-graph', projectId], queryFn: () => fetchPathGraph(projectId) });

  const [base, setBase] = useState<PathView | null>(null);
  const [draft, setDraft] = useState<SamplePath | null>(null);
  const [name, setName] = useState('');
  const [conflict, setConflict] = useState<string | null>(null);

  const load = useCallback((p: PathView) => {
    setBase(p);
    setDraft({ turns: p.turns, history: p.history, stopReason: p.stopReason, seed: p.seed ?? '' });
    setName(p.name);
    setConflict(null);
  }, []);
  useEffect(() => {
    if (stored.data && (!base || stored.data.path.id !== base.id)) load(stored.data.path);
  }, [stored.data, base, load]);

  const maxCallsPerTurn = (base?.recipe as { maxCallsPerTurn?: number } | null)?.maxCallsPerTurn ?? 3;
  const index = useMemo(() => (graph.data ? indexGraph(graph.data, { includeProposed: true }) : null), [graph.data]);
  const validator = useMemo(
    () => (graph.data ? createPathValidator(graph.data, { maxCallsPerTurn }) : null),
    [graph.data, maxCallsPerTurn],
  );
  const issues = useMemo(() => (draft && validator ? validator(draft) : []), [draft, validator]);
  const dirty = useMemo(
    () => !!base && !!draft && (name !== base.name || JSON.stringify(draft.history) !== JSON.stringify(base.history)),
    [base, draft, name],
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const apply = useCallback(
    (op: PathOperation) => {
      if (!draft) return;
      try {
        setDraft(applyOperation(draft, op));
      } catch (e) {
        if (e instanceof PathOperationError)
          toast({ title: 'That change does not fit', description: e.message, variant: 'destructive' });
        else throw e;
      }
    },
    [draft],
  );
  const edit = (params: Record<string, unknown>) => apply({ op: 'edit', params });
  const undo = () => {
    if (!draft || draft.history.length === 0) return;
    try {
      setDraft(undoLast(draft));
    } catch (e) {
      toast({ title: 'Cannot undo', description: (e as Error).message, variant: 'destructive' });
    }
  };

  const save = useMutation({
    mutationFn: () => savePath(projectId, pathId, { version: base!.version, name, history: draft!.history }),
    onSuccess: ({ path }) => {
      load(path);
      queryClient.setQueryData(['paths', projectId, 'one', pathId], { issues: null, path });
      queryClient.invalidateQueries({ queryKey: ['paths', projectId, 'list'] });
      toast({ title: 'Path saved', description: `version ${path.version}`, variant: 'success' });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) setConflict(e.message);
      else toast({ title: 'Save failed', description: e.message, variant: 'destructive' });
    },
  });

  // Ctrl/Cmd+Z undoes, Ctrl/Cmd+S saves.
  const keys = useRef({ undo, save: () => dirty && !save.isPending && save.mutate() });
  keys.current = { undo, save: () => dirty && !save.isPending && save.mutate() };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement | null;
      if (e.key === 's') {
        e.preventDefault();
        keys.current.save();
      } else if (e.key === 'z' && !e.shiftKey && !(target && /INPUT|TEXTAREA/.test(target.tagName))) {
        e.preventDefault();
        keys.current.undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const drag = useRef<Drag | null>(null);
  const startDrag = (d: Drag) => (e: React.DragEvent) => {
    drag.current = d;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData(MIME, JSON.stringify(d));
    e.dataTransfer.setData('text/plain', d.type === 'function' ? d.name : d.type);
    e.stopPropagation();
  };
  const dropped = (e: React.DragEvent): Drag | null => {
    e.preventDefault();
    e.stopPropagation();
    let d = drag.current;
    try {
      const raw = e.dataTransfer.getData(MIME);
      if (raw) d = JSON.parse(raw) as Drag;
    } catch {
      /* the ref holds it */
    }
    drag.current = null;
    return d;
  };

  const dropOnTurn = (turn: number, at?: number) => (e: React.DragEvent) => {
    const d = dropped(e);
    if (!d || !draft) return;
    if (d.type === 'function') {
      const t = draft.turns[turn];
      if (t.kind !== 'normal')
        return toast({
          title: 'A split turn holds no calls',
          description: 'Drop the function on a turn with calls, or below the last turn.',
          variant: 'destructive',
        });
      edit({ action: 'add_call', turn, at: at ?? t.calls.length, newTurn: false, functionId: d.id, name: d.name });
    } else if (d.type === 'turn' && d.index !== turn) edit({ action: 'move_turn', from: d.index, to: turn });
    else if (d.type === 'call' && d.turn === turn && at !== undefined && d.index !== at)
      edit({ action: 'move_call', turn, from: d.index, to: at });
    else if (d.type === 'call' && d.turn !== turn)
      toast({
        title: 'Calls move within their turn',
        description: 'To move a call to another turn, remove it and drag its function in again.',
      });
  };
  const dropNewTurn = (turn: number) => (e: React.DragEvent) => {
    const d = dropped(e);
    if (!d) return;
    if (d.type === 'function') edit({ action: 'add_call', turn, at: 0, newTurn: true, functionId: d.id, name: d.name });
    else if (d.type === 'turn' && draft)
      edit({ action: 'move_turn', from: d.index, to: Math.min(turn, draft.turns.length - 1) });
  };
  const allowDrop = (e: React.DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  };

  if (stored.isError)
    return (
      <div className="p-6">
        <Alert variant="destructive">
          <AlertTitle>Could not open this path</AlertTitle>
          <AlertDescription>{stored.error.message}</AlertDescription>
        </Alert>
      </div>
    );
  if (!draft || !base) return <p className="text-muted-foreground p-6 text-sm">Loading the path…</p>;

  const issuesAt = (turn: number, call: number | null) =>
    issues.filter((i) => i.turnIndex === turn && (call === null ? i.callIndex === null : i.callIndex === call));
  const errors = issues.filter((i) => i.level === 'error').length;
  const warnings = issues.length - errors;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b px-6 py-2">
        <Button variant="ghost" size="sm" asChild>
          <Link href={`/p/${projectId}/paths`}>
            <ArrowLeft className="size-4" aria-hidden /> Paths
          </Link>
        </Button>
        <span className="text-muted-foreground text-sm tabular-nums">#{base.ordinal}</span>
        <Input
          aria-label="Path name"
          placeholder={base.origin === 'curator' ? 'Name this path' : `sampled, seed ${base.seed}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="h-8 w-64"
        />
        {base.origin === 'curator' ? (
          <Badge variant="outline">by hand</Badge>
        ) : (
          <Badge variant="secondary">seed {base.seed}</Badge>
        )}
        <span className="text-muted-foreground text-xs">
          {draft.turns.length} turns · {draft.turns.reduce((n, t) => n + t.calls.length, 0)} calls · version{' '}
          {base.version}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <span className="text-xs" aria-live="polite">
            {errors > 0 ? (
              <span className="text-destructive">
                {errors} error{errors === 1 ? '' : 's'}
              </span>
            ) : (
              <span className="text-emerald-700">no errors</span>
            )}
            {warnings > 0 && (
              <span className="text-amber-700">
                {' '}
                · {warnings} warning{warnings === 1 ? '' : 's'}
              </span>
            )}
          </span>
          <Button
            variant="outline"
            size="sm"
            onClick={undo}
            disabled={draft.history.length === 0}
            title="Undo the last operation (Ctrl+Z)"
          >
            <Undo2 className="size-4" aria-hidden /> Undo
          </Button>
          <Button size="sm" onClick={() => save.mutate()} disabled={!dirty || save.isPending} title="Save (Ctrl+S)">
            <Save className="size-4" aria-hidden /> {save.isPending ? 'Saving…' : dirty ? 'Save' : 'Saved'}
          </Button>
        </div>
      </div>

      {conflict && (
        <div className="px-6 pt-3">
          <Alert variant="destructive">
            <AlertTitle>Not saved: someone else saved this path first</AlertTitle>
            <AlertDescription>
              <p>{conflict}. Your changes are still here.</p>
              <div className="mt-2 flex gap-2">
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() => {
                    void navigator.clipboard?.writeText(JSON.stringify(draft.history));
                    toast({ title: 'Your history was copied as JSON' });
                  }}
                >
                  Copy my history
                </Button>
                <Button
                  size="sm"
                  variant="destructive"
                  onClick={async () => {
                    const fresh = await fetchPath(projectId, pathId);
                    load(fresh.path);
                  }}
                >
                  Reload and drop my changes
                </Button>
              </div>
            </AlertDescription>
          </Alert>
        </div>
      )}

      <div className="grid min-h-0 flex-1 grid-cols-[16rem_minmax(0,1fr)_22rem]">
        <Palette
          graph={graph.data ?? null}
          index={index}
          draft={draft}
          startDrag={startDrag}
          onAdd={(f) =>
            edit({ action: 'add_call', turn: draft.turns.length, at: 0, newTurn: true, functionId: f.id, name: f.name })
          }
        />

        <section className="min-h-0 overflow-y-auto p-4" aria-label="Turns">
          {draft.stopReason && (
            <p className="text-muted-foreground mb-2 text-xs">The walk stopped early: {draft.stopReason}.</p>
          )}
          <ol className="space-y-2">
            {draft.turns.map((t, ti) => {
              const turnIssues = issuesAt(ti, null);
              const hasError = issues.some((i) => i.turnIndex === ti && i.level === 'error');
              return (
                <li
                  key={ti}
                  data-testid="turn"
                  data-kind={t.kind}
                  className={cn(
                    'bg-card rounded-lg border shadow-xs',
                    hasError && 'border-destructive/60',
                    t.kind === 'miss_param' && 'border-dashed border-amber-400 bg-amber-50/50',
                    t.kind === 'miss_func' && 'border-dashed border-rose-400 bg-rose-50/50',
                  )}
                  onDragOver={allowDrop}
                  onDrop={dropOnTurn(ti)}
                >
                  <div className="flex items-center gap-2 border-b px-2 py-1.5">
                    <span
                      draggable
                      onDragStart={startDrag({ type: 'turn', index: ti })}
                      className="text-muted-foreground cursor-grab rounded p-0.5 hover:bg-accent"
                      aria-label={`Drag turn ${ti + 1}`}
                      data-testid="turn-handle"
                    >
                      <GripVertical className="size-4" aria-hidden />
                    </span>
                    <span className="text-sm font-medium">Turn {ti + 1}</span>
                    <Badge variant={t.kind === 'normal' ? 'secondary' : 'warning'} className="font-normal">
                      {t.kind}
                    </Badge>
                    {t.dependsOnTurn !== undefined && (
                      <span className="text-xs text-violet-700">uses an output of turn {t.dependsOnTurn + 1}</span>
                    )}
                    {t.availableFromTurn !== undefined && (
                      <span className="text-xs text-rose-700">offered again from turn {t.availableFromTurn + 1}</span>
                    )}
                    <div className="ml-auto flex items-center">
                      <IconButton
                        label={`Move turn ${ti + 1} up`}
                        disabled={ti === 0}
                        onClick={() => edit({ action: 'move_turn', from: ti, to: ti - 1 })}
                      >
                        <ArrowUp className="size-3.5" />
                      </IconButton>
                      <IconButton
                        label={`Move turn ${ti + 1} down`}
                        disabled={ti === draft.turns.length - 1}
                        onClick={() => edit({ action: 'move_turn', from: ti, to: ti + 1 })}
                      >
                        <ArrowDown className="size-3.5" />
                      </IconButton>
                      <TurnOperations
                        draft={draft}
                        turn={ti}
                        index={index}
                        graphReady={!!graph.data}
                        maxCallsPerTurn={maxCallsPerTurn}
                        apply={apply}
                      />
                      <IconButton
                        label={`Remove turn ${ti + 1}`}
                        onClick={() => edit({ action: 'remove_turn', turn: ti, removed: t })}
                      >
                        <X className="size-3.5" />
                      </IconButton>
                    </div>
                  </div>
                  <div className="flex min-h-12 flex-wrap items-center gap-2 p-2">
                    {t.kind === 'miss_param' && (
                      <p className="text-sm text-amber-900">
                        The user asks for the next turn without giving{' '}
                        <code className="font-mono">{t.missing?.param}</code>; the assistant should ask for it.
                      </p>
                    )}
                    {t.kind === 'miss_func' && (
                      <p className="text-sm text-rose-900">
                        <code className="font-mono">{t.withheld?.name}</code> is not among the tools offered; the
                        assistant should say it cannot do it.
                      </p>
                    )}
                    {t.calls.map((c, ci) => {
                      const callIssues = issuesAt(ti, ci);
                      return (
                        <div
                          key={`${ci}-${c.functionId}`}
                          data-testid="call"
                          draggable
                          onDragStart={startDrag({ type: 'call', turn: ti, index: ci })}
                          onDragOver={allowDrop}
                          onDrop={dropOnTurn(ti, ci)}
                          title={callIssues.map((i) => i.message).join('\n') || undefined}
                          className={cn(
                            'group bg-background flex cursor-grab items-center gap-1 rounded-md border py-1 pr-1 pl-2 font-mono text-[13px]',
                            c.nested && 'border-dashed italic',
                            callIssues.some((i) => i.level === 'error') && 'border-destructive text-destructive',
                            callIssues.some((i) => i.level === 'warning') &&
                              !callIssues.some((i) => i.level === 'error') &&
                              'border-amber-400',
                          )}
                        >
                          {c.name}
                          {c.nested && (
                            <span className="text-muted-foreground font-sans text-[10px] not-italic">nested</span>
                          )}
                          <span className="flex opacity-60 group-hover:opacity-100">
                            <IconButton
                              label={`Move ${c.name} left`}
                              disabled={ci === 0}
                              onClick={() => edit({ action: 'move_call', turn: ti, from: ci, to: ci - 1 })}
                            >
                              <ArrowLeft className="size-3" />
                            </IconButton>
                            <IconButton
                              label={`Move ${c.name} right`}
                              disabled={ci === t.calls.length - 1}
                              onClick={() => edit({ action: 'move_call', turn: ti, from: ci, to: ci + 1 })}
                            >
                              <ArrowRight className="size-3" />
                            </IconButton>
                            <IconButton
                              label={`Remove ${c.name}`}
                              onClick={() =>
                                t.calls.length === 1
                                  ? edit({ action: 'remove_turn', turn: ti, removed: t })
                                  : edit({ action: 'remove_call', turn: ti, at: ci, call: c })
                              }
                            >
                              <X className="size-3" />
                            </IconButton>
                          </span>
                        </div>
                      );
                    })}
                    {t.kind === 'normal' && (
                      <span className="text-muted-foreground text-xs">drop a function here to add a call</span>
                    )}
                  </div>
                  {turnIssues.length > 0 && (
                    <ul className="border-t px-3 py-1.5 text-xs">
                      {turnIssues.map((i, k) => (
                        <li key={k} className={i.level === 'error' ? 'text-destructive' : 'text-amber-800'}>
                          {i.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
          <div
            data-testid="new-turn"
            onDragOver={allowDrop}
            onDrop={dropNewTurn(draft.turns.length)}
            className="text-muted-foreground mt-2 flex h-14 items-center justify-center rounded-lg border-2 border-dashed text-sm"
          >
            <Plus className="mr-1 size-4" aria-hidden /> Drop a function here to add a turn
          </div>
        </section>

        <aside className="flex min-h-0 flex-col border-l">
          <div className="h-80 shrink-0 border-b" aria-label="The path on the graph">
            <PathDiagram path={draft} index={index} />
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            <section className="border-b p-3">
              <h2 className="mb-1 text-sm font-medium">Checks</h2>
              {!graph.data ? (
                <p className="text-muted-foreground text-xs">Loading the graph…</p>
              ) : issues.length === 0 ? (
                <p className="text-xs text-emerald-700">
                  Every call follows an edge or an operation, and every input has a source.
                </p>
              ) : (
                <ul className="space-y-1 text-xs" data-testid="issues">
                  {issues.map((i, k) => (
                    <li key={k} className={i.level === 'error' ? 'text-destructive' : 'text-amber-800'}>
                      <span className="font-medium">
                        Turn {i.turnIndex + 1}
                        {i.callIndex !== null && `, call ${i.callIndex + 1}`}:
                      </span>{' '}
                      {i.message}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="p-3">
              <h2 className="mb-1 text-sm font-medium">History</h2>
              {draft.history.length === 0 ? (
                <p className="text-muted-foreground text-xs">Nothing yet. Drag functions in from the left.</p>
              ) : (
                <ol className="text-muted-foreground list-decimal space-y-0.5 pl-5 text-xs" data-testid="history">
                  {draft.history.map((op, k) => (
                    <li key={k} className={cn(k === draft.history.length - 1 && 'text-foreground')}>
                      {describeOperation(op)}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>
        </aside>
      </div>
    </div>
  );
}

function IconButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
      className="text-muted-foreground hover:bg-accent hover:text-foreground rounded p-1 disabled:opacity-30"
    >
      {children}
    </button>
  );
}

/** The functions to drag in: those that follow the path's last call first, then a search of the library. */
function Palette({
  graph,
  index,
  draft,
  startDrag,
  onAdd,
}: {
  graph: { functions: readonly { id: string; name: string; category: string; description: string }[] } | null;
  index: GraphIndex | null;
  draft: SamplePath;
  startDrag: (d: Drag) => (e: React.DragEvent) => void;
  onAdd: (f: { id: string; name: string }) => void;
}) {
  const [q, setQ] = useState('');
  const last = [...draft.turns]
    .reverse()
    .find((t) => t.calls.length)
    ?.calls.at(-1);
  const next = useMemo(
    () =>
      index && last
        ? index
            .next(last.functionId)
            .map((id) => index.byId.get(id)!)
            .filter(Boolean)
            .slice(0, 12)
        : [],
    [index, last],
  );
  const matches = useMemo(() => {
    if (!graph) return [];
    const needle = q.trim().toLowerCase();
    const all = needle
      ? graph.functions.filter(
          (f) => f.name.toLowerCase().includes(needle) || f.category.toLowerCase().includes(needle),
        )
      : graph.functions;
    return all.slice(0, 200);
  }, [graph, q]);

  const item = (f: { id: string; name: string; category: string; description: string }, key: string) => (
    <li
      key={key}
      draggable
      onDragStart={startDrag({ type: 'function', id: f.id, name: f.name })}
      data-testid="palette-function"
      className="group hover:bg-accent flex cursor-grab items-center gap-1 rounded px-2 py-1"
      title={f.description}
    >
      <span className="min-w-0 flex-1">
        <span className="block truncate font-mono text-[12px]">{f.name}</span>
        {f.category && <span className="text-muted-foreground block truncate text-[10px]">{f.category}</span>}
      </span>
      <IconButton label={`Add ${f.name} as a new turn`} onClick={() => onAdd(f)}>
        <Plus className="size-3.5" />
      </IconButton>
    </li>
  );

  return (
    <aside className="flex min-h-0 flex-col border-r" aria-label="Functions">
      <div className="border-b p-2">
        <div className="relative">
          <Search className="text-muted-foreground absolute top-2.5 left-2.5 size-4" aria-hidden />
          <Input
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Find a function"
            aria-label="Find a function"
            className="h-9 pl-8"
          />
        </div>
        <p className="text-muted-foreground mt-1 text-[11px]">Drag a function onto a turn, or below the last one.</p>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-1">
        {!graph && <p className="text-muted-foreground p-2 text-xs">Loading functions…</p>}
        {next.length > 0 && !q && (
          <>
            <h3 className="text-muted-foreground px-2 pt-1 text-[11px] font-medium uppercase">After {last?.name}</h3>
            <ul>{next.map((f) => item(f, `n-${f.id}`))}</ul>
            <h3 className="text-muted-foreground px-2 pt-2 text-[11px] font-medium uppercase">Library</h3>
          </>
        )}
        <ul>{matches.map((f) => item(f, f.id))}</ul>
        {graph && matches.length === 200 && (
          <p className="text-muted-foreground p-2 text-[11px]">Showing 200; search to narrow.</p>
        )}
      </div>
    </aside>
  );
}

/** The operations that fit a turn, each tried on the draft before it is offered. */
function TurnOperations({
  draft,
  turn,
  index,
  graphReady,
  maxCallsPerTurn,
  apply,
}: {
  draft: SamplePath;
  turn: number;
  index: GraphIndex | null;
  graphReady: boolean;
  maxCallsPerTurn: number;
  apply: (op: PathOperation) => void;
}) {
  const [open, setOpen] = useState(false);
  const options = useMemo(() => {
    if (!open || !index) return [];
    const out: { group: string; label: string; op: PathOperation }[] = [];
    const fits = (op: PathOperation) => {
      try {
        applyOperation(draft, op, { maxCallsPerTurn });
        return true;
      } catch {
        return false;
      }
    };
    const t = draft.turns[turn];
    const add = (group: string, label: string, op: PathOperation) => fits(op) && out.push({ group, label, op });
    if (t.kind === 'normal' && t.calls.length) {
      add('Merge', `Merge with turn ${turn + 2}`, { op: 'merge', params: { turn, calls: t.calls.length } });
      const last = t.calls[t.calls.length - 1];
      for (const id of index.next(last.functionId).slice(0, 8)) {
        const f = index.byId.get(id)!;
        add('Insert', `Nested: ${f.name} (same turn, unnamed)`, {
          op: 'insert_nested',
          params: { turn, from: last.functionId, functionId: id, name: f.name },
        });
        if (draft.turns.length >= turn + 2)
          add('Insert', `Long: ${f.name} as the last turn`, {
            op: 'insert_long',
            params: { fromTurn: turn, turn: draft.turns.length, from: last.functionId, functionId: id, name: f.name },
          });
      }
    }
    const inputsOf = (id: string) => {
      const fn = index.byId.get(id);
      return fn ? requiredInputs(fn) : [];
    };
    const { missParam, missFunc } = splitCandidates(draft, { inputsOf });
    for (const c of missParam.filter((c) => c.turn === turn)) {
      const call = t.calls[c.callIndex];
      add('Split before this turn', `miss_param: the user leaves out ${call.name}.${c.param}`, {
        op: 'split',
        params: { turn, kind: 'miss_param', callIndex: c.callIndex, param: c.param },
      });
    }
    for (const c of missFunc.filter((c) => c.turn === turn)) {
      const call = t.calls[c.callIndex];
      add('Split before this turn', `miss_func: withhold ${call.name}`, {
        op: 'split',
        params: { turn, kind: 'miss_func', functionId: call.functionId, name: call.name },
      });
    }
    return out;
  }, [open, index, draft, turn, maxCallsPerTurn]);

  return (
    <DropdownMenu open={open} onOpenChange={setOpen}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          className="h-7 px-2 text-xs"
          disabled={!graphReady}
          aria-label={`Operations on turn ${turn + 1}`}
        >
          <Wand2 className="size-3.5" aria-hidden /> Operations
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="max-h-96 w-80 overflow-y-auto">
        {options.length === 0 && (
          <DropdownMenuLabel className="font-normal">No operation fits this turn.</DropdownMenuLabel>
        )}
        {options.map((o, k) => (
          <div key={k}>
            {(k === 0 || options[k - 1].group !== o.group) && (
              <>
                {k > 0 && <DropdownMenuSeparator />}
                <DropdownMenuLabel className="text-muted-foreground text-xs">{o.group}</DropdownMenuLabel>
              </>
            )}
            <DropdownMenuItem onSelect={() => apply(o.op)} className="font-mono text-xs">
              {o.label}
            </DropdownMenuItem>
          </div>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
