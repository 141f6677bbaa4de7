// The graph as the sampler and the validator read it: functions by id, and for each function
// its out-neighbours over the usable edges, in one fixed order so that the order edges or
// functions arrive in never changes a sampled path. The order is by name (then id): names are
// what a library keeps when it is imported again, ids are minted by each database, so the same
// library, edges, recipe and seed give the same paths in any project.
import type { GraphFunction } from '../graph/types';
import type { PathEdge, PathGraph } from './types';

export interface GraphIndex {
  /** Functions sorted by name, then id (code-unit order, the same on every machine). */
  functions: readonly GraphFunction[];
  byId: ReadonlyMap<string, GraphFunction>;
  /** Usable out-neighbours of a function, in the functions' order, never the function itself. */
  next(id: string): readonly string[];
  /** The usable edge from → to, if any (an accepted one wins over a proposed one). */
  edge(fromId: string, toId: string): PathEdge | undefined;
  /** Sorts ids into the functions' order (unknown ids last, by code unit). */
  order(ids: Iterable<string>): string[];
}

export interface IndexOptions {
  /** Count proposed edges as well as accepted ones (rejected edges never count). */
  includeProposed: boolean;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const EMPTY: readonly string[] = [];

export function indexGraph(graph: PathGraph, options: IndexOptions): GraphIndex {
  const functions = [...graph.functions].sort((a, b) => byCodeUnit(a.name, b.name) || byCodeUnit(a.id, b.id));
  const rank = new Map(functions.map((f, i) => [f.id, i]));
  const byRank = (a: string, b: string) =>
    (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER) || byCodeUnit(a, b);
  const byId = new Map<string, GraphFunction>();
  for (const f of functions) {
    if (byId.has(f.id)) throw new Error(`duplicate function id in the graph: ${f.id}`);
    byId.set(f.id, f);
  }
  const edges = new Map<string, Map<string, PathEdge>>();
  for (const e of graph.edges) {
    const usable = e.status === 'accepted' || (options.includeProposed && e.status === 'proposed');
    if (!usable || !byId.has(e.fromId) || !byId.has(e.toId)) continue;
    let row = edges.get(e.fromId);
    if (!row) edges.set(e.fromId, (row = new Map()));
    const seen = row.get(e.toId);
    if (!seen || (seen.status !== 'accepted' && e.status === 'accepted')) row.set(e.toId, e);
  }
  const next = new Map<string, string[]>();
  for (const [from, row] of edges) {
    const targets = [...row.keys()].filter((to) => to !== from).sort(byRank);
    if (targets.length > 0) next.set(from, targets);
  }
  return {
    functions,
    byId,
    next: (id) => next.get(id) ?? EMPTY,
    edge: (fromId, toId) => edges.get(fromId)?.get(toId),
    order: (ids) => [...ids].sort(byRank),
  };
}
