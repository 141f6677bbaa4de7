// The initial signature path (DESIGN.md, Magnet step 3): a random walk of at most S steps along
// the graph's usable edges, one function per turn.
//
// Rules, chosen so paths are varied but never stuck in trivial loops:
// - Start: a start node picked uniformly from the recipe's `startNodes`, or else from every
//   function with at least one usable way out (a walk from a sink would be one turn long);
//   only when no function has one is any function a start.
// - Step: the next function is picked uniformly among the current one's out-neighbours that
//   are not yet in the path. Only when every out-neighbour is already in the path is one of
//   them revisited (uniformly); a function never follows itself (self-edges are ignored).
// - A function with no out-neighbour is a dead end: the walk stops there, shorter than S, and
//   says so in `stopReason` ("dead end at cd after 3 steps": three functions walked).
import type { GraphIndex } from './graph-index';
import type { PathRng } from './rng';

export interface WalkCall {
  functionId: string;
  name: string;
}

export interface WalkResult {
  calls: WalkCall[];
  stopReason: string | null;
}

/** The function ids a walk may start from (in the index's order, no duplicates); throws on unknown ids. */
export function startCandidates(index: GraphIndex, startNodes?: readonly string[]): string[] {
  if (startNodes && startNodes.length > 0) {
    const unknown = startNodes.filter((id) => !index.byId.has(id));
    if (unknown.length > 0) throw new Error(`unknown start node(s): ${unknown.slice(0, 5).join(', ')}`);
    return index.order(new Set(startNodes));
  }
  const withWayOut = index.functions.filter((f) => index.next(f.id).length > 0).map((f) => f.id);
  return withWayOut.length > 0 ? withWayOut : index.functions.map((f) => f.id);
}

/** The k-th id (from 0) of `ids` not in `visited` (a pick among fresh ids without a new array). */
function nthFresh(ids: readonly string[], visited: ReadonlySet<string>, k: number): string {
  for (const id of ids) if (!visited.has(id) && k-- === 0) return id;
  throw new Error('nthFresh: fewer fresh ids than counted');
}

const stepsWord = (k: number) => (k === 1 ? 'step' : 'steps');

export function randomWalk(index: GraphIndex, starts: readonly string[], steps: number, rng: PathRng): WalkResult {
  if (starts.length === 0) throw new Error('no function to start a walk from');
  let current = rng.pick(starts);
  const path = [current];
  const visited = new Set(path);
  let stopReason: string | null = null;
  while (path.length < steps) {
    const next = index.next(current);
    if (next.length === 0) {
      stopReason = `dead end at ${index.byId.get(current)?.name ?? current} after ${path.length} ${stepsWord(path.length)}`;
      break;
    }
    let fresh = 0;
    for (const id of next) if (!visited.has(id)) fresh++;
    current = fresh > 0 ? nthFresh(next, visited, rng.below(fresh)) : rng.pick(next);
    path.push(current);
    visited.add(current);
  }
  return {
    calls: path.map((id) => ({ functionId: id, name: index.byId.get(id)?.name ?? id })),
    stopReason,
  };
}
