// Figures of a batch of paths for the Paths stage's charts: lengths, calls per turn, operations
// applied, turn kinds, and how much of the library (functions and classes) the batch covers.
// Histograms are sorted lists of {value, count}, ready for a bar chart.
import type { GraphFunction } from '../graph/types';
import { PATH_OPERATIONS, PATH_TURN_KINDS, type PathOperationName, type PathTurnKind, type SamplePath } from './types';

export interface Bin {
  value: number;
  count: number;
}

export interface Coverage {
  used: number;
  total: number;
  /** used / total (0 when total is 0). */
  share: number;
}

export interface PathBatchStats {
  paths: number;
  /** Turns per path, empty split turns included. */
  turns: { mean: number; histogram: Bin[] };
  /** Functions the walk visited per path (before operations). */
  walkLength: { mean: number; histogram: Bin[] };
  /** Calls per normal turn. */
  callsPerTurn: { mean: number; histogram: Bin[] };
  /** Calls per path. */
  callsPerPath: { mean: number; histogram: Bin[] };
  turnKinds: Record<PathTurnKind, number>;
  /** Operations applied over the batch, by kind; splits also by scenario. */
  operations: Record<PathOperationName, number> & { miss_param: number; miss_func: number };
  /** Paths whose walk stopped before its steps (dead ends). */
  stoppedEarly: number;
  nestedCalls: number;
  /** Functions of the graph called at least once, of all of them. */
  functionCoverage: Coverage;
  classCoverage: Coverage;
  /** Calls per function id, most used first (ties by id). */
  functionUse: { functionId: string; name: string; count: number }[];
}

function histogram(values: readonly number[]): { mean: number; histogram: Bin[] } {
  const counts = new Map<number, number>();
  let sum = 0;
  for (const v of values) {
    counts.set(v, (counts.get(v) ?? 0) + 1);
    sum += v;
  }
  return {
    mean: values.length ? +(sum / values.length).toFixed(4) : 0,
    histogram: [...counts].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count })),
  };
}

const coverage = (used: number, total: number): Coverage => ({
  used,
  total,
  share: total > 0 ? +(used / total).toFixed(4) : 0,
});

export function pathStats(
  paths: readonly SamplePath[],
  functions: readonly Pick<GraphFunction, 'id' | 'category'>[],
): PathBatchStats {
  const turnKinds = Object.fromEntries(PATH_TURN_KINDS.map((k) => [k, 0])) as Record<PathTurnKind, number>;
  const operations = {
    ...(Object.fromEntries(PATH_OPERATIONS.map((k) => [k, 0])) as Record<PathOperationName, number>),
    miss_param: 0,
    miss_func: 0,
  };
  const use = new Map<string, { name: string; count: number }>();
  const turnCounts: number[] = [];
  const walkLengths: number[] = [];
  const callsPerTurn: number[] = [];
  const callsPerPath: number[] = [];
  let stoppedEarly = 0;
  let nestedCalls = 0;

  for (const p of paths) {
    turnCounts.push(p.turns.length);
    if (p.stopReason) stoppedEarly++;
    let calls = 0;
    for (const t of p.turns) {
      turnKinds[t.kind]++;
      if (t.kind === 'normal') callsPerTurn.push(t.calls.length);
      calls += t.calls.length;
      for (const c of t.calls) {
        if (c.nested) nestedCalls++;
        const u = use.get(c.functionId);
        if (u) u.count++;
        else use.set(c.functionId, { name: c.name, count: 1 });
      }
    }
    callsPerPath.push(calls);
    for (const op of p.history) {
      operations[op.op]++;
      if (op.op === 'walk') walkLengths.push(Array.isArray(op.params.calls) ? op.params.calls.length : 0);
      if (op.op === 'split' && (op.params.kind === 'miss_param' || op.params.kind === 'miss_func'))
        operations[op.params.kind]++;
    }
  }

  const categoryOf = new Map(functions.map((f) => [f.id, f.category]));
  const known = [...use.keys()].filter((id) => categoryOf.has(id));
  const usedClasses = new Set(known.map((id) => categoryOf.get(id)));

  return {
    paths: paths.length,
    turns: histogram(turnCounts),
    walkLength: histogram(walkLengths),
    callsPerTurn: histogram(callsPerTurn),
    callsPerPath: histogram(callsPerPath),
    turnKinds,
    operations,
    stoppedEarly,
    nestedCalls,
    functionCoverage: coverage(known.length, categoryOf.size),
    classCoverage: coverage(usedClasses.size, new Set(categoryOf.values()).size),
    functionUse: [...use]
      .map(([functionId, u]) => ({ functionId, name: u.name, count: u.count }))
      .sort((a, b) => b.count - a.count || (a.functionId < b.functionId ? -1 : a.functionId > b.functionId ? 1 : 0)),
  };
}
