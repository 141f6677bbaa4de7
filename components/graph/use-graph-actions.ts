'use client';

// Every change a curator makes to edges, with undo and redo.
// Each action records its inverse as data (not closures), so undo and redo are the same machinery:
//   accept / reject / retype / bulk  → PATCH the ids back to their previous status and kind
//   draw                             → DELETE the new edge (or put back the edge it overwrote)
//   delete                           → POST the edges back with their old fields
// A deleted edge comes back with a new id; `alias` maps old ids to new ones so older entries still apply.
// Operations run one at a time, in order. The query cache is updated optimistically for PATCH and from the
// server's answer otherwise; on an error the cache is refetched and the server's message is shown.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { toast } from '@/components/ui/toaster';
import { ApiError } from '@/lib/client/api';
import { buildGraph, createEdge, deleteEdges, graphKey, patchEdges, restoreBody } from './api';
import type { EdgeFilter, EdgeKind, EdgeStatus, GraphData, GraphEdge, ProposeMethod } from './types';

type Change = { id: string; status: EdgeStatus; kind: EdgeKind };
type Op =
  { type: 'set'; changes: Change[] } | { type: 'create'; edges: GraphEdge[] } | { type: 'delete'; ids: string[] };
interface Entry {
  label: string;
  undo: Op;
  redo: Op;
}

const HISTORY_LIMIT = 200;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const message = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

/** Puts edges from the server into the cached graph, replacing any edge with the same id or the same pair. */
function mergeEdges(data: GraphData, edges: GraphEdge[]): GraphData {
  if (edges.length === 0) return data;
  const byId = new Map(edges.map((e) => [e.id, e]));
  const pairs = new Set(edges.map((e) => `${e.fromId}>${e.toId}`));
  const kept: GraphEdge[] = [];
  for (const e of data.edges) {
    const fresh = byId.get(e.id);
    if (fresh) {
      kept.push(fresh);
      byId.delete(e.id);
    } else if (!pairs.has(`${e.fromId}>${e.toId}`)) kept.push(e);
  }
  return { ...data, edges: [...kept, ...byId.values()] };
}

function removeEdges(data: GraphData, ids: string[]): GraphData {
  const gone = new Set(ids);
  return { ...data, edges: data.edges.filter((e) => !gone.has(e.id)) };
}

export interface GraphOps {
  setStatus(ids: string[], status: EdgeStatus): Promise<void>;
  setKind(ids: string[], kind: EdgeKind): Promise<void>;
  /** Draws an accepted full edge; resolves to it, or to null when the server refused. */
  draw(fromId: string, toId: string): Promise<GraphEdge | null>;
  remove(ids: string[]): Promise<void>;
  bulk(filter: EdgeFilter, status: EdgeStatus): Promise<void>;
  propose(method: ProposeMethod): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export interface GraphActionState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  busy: boolean;
  proposing: ProposeMethod | null;
}

/** `ops` keeps its identity for the component's life (safe to pass to memoized children); `state` changes. */
export function useGraphActions(projectId: string): { ops: GraphOps; state: GraphActionState } {
  const qc = useQueryClient();
  const key = useMemo(() => graphKey(projectId), [projectId]);
  const undoStack = useRef<Entry[]>([]);
  const redoStack = useRef<Entry[]>([]);
  const alias = useRef(new Map<string, string>());
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [running, setRunning] = useState(0);
  const [proposing, setProposing] = useState<ProposeMethod | null>(null);
  const [history, setHistory] = useState({ undo: null as string | null, redo: null as string | null });
  const touchHistory = () =>
    setHistory({ undo: undoStack.current.at(-1)?.label ?? null, redo: redoStack.current.at(-1)?.label ?? null });

  const read = useCallback(() => qc.getQueryData<GraphData>(key), [qc, key]);
  const write = useCallback(
    (fn: (d: GraphData) => GraphData) => qc.setQueryData<GraphData>(key, (d) => (d ? fn(d) : d)),
    [qc, key],
  );
  const resolve = useCallback((id: string) => {
    let cur = id;
    for (let i = 0; i < 100 && alias.current.has(cur); i++) cur = alias.current.get(cur)!;
    return cur;
  }, []);

  /** Runs `task` after every earlier one has finished, counting it as busy meanwhile. */
  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    setRunning((n) => n + 1);
    const run = chain.current.then(task, task);
    chain.current = run.catch(() => undefined);
    return run.finally(() => setRunning((n) => n - 1));
  }, []);

  const apply = useCallback(
    async (op: Op): Promise<GraphEdge[]> => {
      if (op.type === 'set') {
        const groups = new Map<string, Change[]>();
        for (const c of op.changes) {
          const k = `${c.status}|${c.kind}`;
          if (!groups.has(k)) groups.set(k, []);
          groups.get(k)!.push({ ...c, id: resolve(c.id) });
        }
        const snapshot = read();
        const target = new Map(op.changes.map((c) => [resolve(c.id), c]));
        write((d) => ({
          ...d,
          edges: d.edges.map((e) => {
            const c = target.get(e.id);
            return c ? { ...e, status: c.status, kind: c.kind } : e;
          }),
        }));
        try {
          const changed: GraphEdge[] = [];
          for (const list of groups.values()) {
            const { status, kind } = list[0]!;
            const res = await patchEdges(projectId, { ids: list.map((c) => c.id), set: { status, kind } });
            changed.push(...res.edges);
          }
          write((d) => mergeEdges(d, changed));
          // Some edges were gone on the server: the optimistic change is wrong for them.
          if (changed.length < target.size) void qc.invalidateQueries({ queryKey: key });
          return changed;
        } catch (e) {
          if (snapshot) {
            const before = new Map(snapshot.edges.filter((x) => target.has(x.id)).map((x) => [x.id, x]));
            write((d) => ({ ...d, edges: d.edges.map((x) => before.get(x.id) ?? x) }));
          }
          throw e;
        }
      }
      if (op.type === 'create') {
        const made: GraphEdge[] = [];
        for (const edge of op.edges) {
          const { edge: fresh } = await createEdge(projectId, restoreBody(edge));
          const old = resolve(edge.id);
          if (fresh.id !== old) alias.current.set(old, fresh.id);
          made.push(fresh);
          write((d) => mergeEdges(d, [fresh]));
        }
        return made;
      }
      const ids = op.ids.map(resolve);
      await deleteEdges(projectId, ids);
      write((d) => removeEdges(d, ids));
      return [];
    },
    [projectId, read, write, resolve, qc, key],
  );

  const fail = useCallback(
    (title: string, e: unknown) => {
      toast({ title, description: message(e), variant: 'destructive' });
      void qc.invalidateQueries({ queryKey: key });
    },
    [qc, key],
  );

  const record = (entry: Entry) => {
    undoStack.current.push(entry);
    if (undoStack.current.length > HISTORY_LIMIT) undoStack.current.shift();
    redoStack.current = [];
    touchHistory();
  };

  const snapshotOf = (ids: string[]): GraphEdge[] => {
    const byId = new Map((read()?.edges ?? []).map((e) => [e.id, e]));
    return ids.map((id) => byId.get(resolve(id))).filter((e): e is GraphEdge => !!e);
  };

  const change = (ids: string[], set: { status?: EdgeStatus; kind?: EdgeKind }, label: string, failTitle: string) =>
    enqueue(async () => {
      const edges = snapshotOf(ids);
      if (edges.length === 0) return;
      const before = edges.map((e) => ({ id: e.id, status: e.status, kind: e.kind }));
      const after = edges.map((e) => ({ id: e.id, status: set.status ?? e.status, kind: set.kind ?? e.kind }));
      try {
        await apply({ type: 'set', changes: after });
        record({ label, undo: { type: 'set', changes: before }, redo: { type: 'set', changes: after } });
      } catch (e) {
        fail(failTitle, e);
      }
    });

  const setStatus = (ids: string[], status: EdgeStatus) =>
    change(
      ids,
      { status },
      `${status === 'accepted' ? 'accept' : status === 'rejected' ? 'reject' : 'reopen'} ${plural(ids.length, 'edge')}`,
      `Could not ${status === 'accepted' ? 'accept' : status === 'rejected' ? 'reject' : 'update'} the edge`,
    );

  const setKind = (ids: string[], kind: EdgeKind) =>
    change(ids, { kind }, `retype ${plural(ids.length, 'edge')} as ${kind}`, 'Could not change the edge kind');

  const draw = (fromId: string, toId: string) =>
    enqueue(async () => {
      const existing = read()?.edges.find((e) => e.fromId === fromId && e.toId === toId) ?? null;
      try {
        const { edge } = await createEdge(projectId, { fromId, toId, kind: 'full' });
        write((d) => mergeEdges(d, [edge]));
        if (existing && existing.id !== edge.id) alias.current.set(existing.id, edge.id);
        record({
          label: 'draw an edge',
          undo: existing ? { type: 'create', edges: [existing] } : { type: 'delete', ids: [edge.id] },
          redo: { type: 'create', edges: [edge] },
        });
        if (existing) toast({ title: 'That edge already existed', description: 'It is now accepted as a full edge.' });
        return edge;
      } catch (e) {
        fail('Could not draw the edge', e);
        return null;
      }
    });

  const remove = (ids: string[]) =>
    enqueue(async () => {
      const edges = snapshotOf(ids);
      if (edges.length === 0) return;
      try {
        await apply({ type: 'delete', ids: edges.map((e) => e.id) });
        record({
          label: `delete ${plural(edges.length, 'edge')}`,
          undo: { type: 'create', edges },
          redo: { type: 'delete', ids: edges.map((e) => e.id) },
        });
      } catch (e) {
        fail('Could not delete the edge', e);
      }
    });

  const bulk = (filter: EdgeFilter, status: EdgeStatus) =>
    enqueue(async () => {
      const before = new Map((read()?.edges ?? []).map((e) => [e.id, e]));
      try {
        const res = await patchEdges(projectId, { filter, set: { status } });
        write((d) => mergeEdges(d, res.edges));
        if (res.edges.length > 0) {
          record({
            label: `${status === 'accepted' ? 'accept' : 'reject'} ${plural(res.edges.length, 'edge')}`,
            undo: {
              type: 'set',
              changes: res.edges.map((e) => ({
                id: e.id,
                status: before.get(e.id)?.status ?? filter.status ?? 'proposed',
                kind: before.get(e.id)?.kind ?? e.kind,
              })),
            },
            redo: { type: 'set', changes: res.edges.map((e) => ({ id: e.id, status: e.status, kind: e.kind })) },
          });
        }
        toast({
          title: `${status === 'accepted' ? 'Accepted' : 'Rejected'} ${plural(res.updated, 'edge')}`,
          variant: 'success',
        });
      } catch (e) {
        fail(`Could not ${status === 'accepted' ? 'accept' : 'reject'} the edges`, e);
      }
    });

  const propose = async (method: ProposeMethod) => {
    setProposing(method);
    try {
      const res = await buildGraph(projectId, method);
      await qc.invalidateQueries({ queryKey: key });
      toast({
        title: res.proposed > 0 ? `Proposed ${plural(res.proposed, 'new edge')}` : 'No new edges proposed',
        description: `${res.updated} updated, ${res.kept} kept as they were (${res.method === 'llm' ? 'LLM judge' : 'heuristic'}).`,
        variant: 'success',
      });
    } catch (e) {
      fail('Could not propose edges', e);
    } finally {
      setProposing(null);
    }
  };

  const step = (from: typeof undoStack, to: typeof undoStack, which: 'undo' | 'redo') =>
    enqueue(async () => {
      const entry = from.current.pop();
      if (!entry) return;
      touchHistory();
      try {
        await apply(entry[which]);
        to.current.push(entry);
        touchHistory();
      } catch (e) {
        fail(`Could not ${which} “${entry.label}”`, e);
      }
    });

  const undo = () => step(undoStack, redoStack, 'undo');
  const redo = () => step(redoStack, undoStack, 'redo');

  const latest = useRef({ setStatus, setKind, draw, remove, bulk, propose, undo, redo });
  latest.current = { setStatus, setKind, draw, remove, bulk, propose, undo, redo };
  const ops = useMemo<GraphOps>(
    () => ({
      setStatus: (ids, status) => latest.current.setStatus(ids, status),
      setKind: (ids, kind) => latest.current.setKind(ids, kind),
      draw: (fromId, toId) => latest.current.draw(fromId, toId),
      remove: (ids) => latest.current.remove(ids),
      bulk: (filter, status) => latest.current.bulk(filter, status),
      propose: (method) => latest.current.propose(method),
      undo: () => latest.current.undo(),
      redo: () => latest.current.redo(),
    }),
    [],
  );
  const state = useMemo<GraphActionState>(
    () => ({
      canUndo: history.undo !== null,
      canRedo: history.redo !== null,
      undoLabel: history.undo,
      redoLabel: history.redo,
      busy: running > 0,
      proposing,
    }),
    [history, running, proposing],
  );
  return { ops, state };
}
