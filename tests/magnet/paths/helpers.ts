// Graphs for the Paths tests: tiny hand-drawn ones, the demo library and the BFCL v3 library
// with their heuristic graphs, and an independent re-count of the operations' opportunities
// (to compare observed rates with the recipe's probabilities).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { demoLibraryFiles } from '../../../lib/magnet/demo/library';
import { parseLibraryFiles } from '../../../lib/magnet/functions';
import { proposeEdges, toGraphFunctions, type EdgeStatus, type GraphFunction } from '../../../lib/magnet/graph';
import {
  applyOperation,
  indexGraph,
  requiredInputs,
  type GraphIndex,
  type PathEdge,
  type PathGraph,
  type PathTurn,
  type Recipe,
  type SamplePath,
} from '../../../lib/magnet/paths';
import { hasSharedData, SHARED_DATA } from '../../helpers/shared-data';
import { fn, str } from '../graph/helpers';

/** A function `api/<name>` taking a free-text `query` (so no input needs an earlier output). */
export const node = (name: string): GraphFunction => fn(name, { params: { query: str() }, returns: { result: str() } });

/** Edges written `a>b` (accepted), `a>b?` (proposed) or `a>b!` (rejected), between `api/` functions. */
export function graphOf(names: string[], edges: string[]): PathGraph {
  return {
    functions: names.map(node),
    edges: edges.map((e): PathEdge => {
      const status: EdgeStatus = e.endsWith('?') ? 'proposed' : e.endsWith('!') ? 'rejected' : 'accepted';
      const [from, to] = e.replace(/[?!]$/, '').split('>');
      return { fromId: `api/${from}`, toId: `api/${to}`, kind: 'full', status, mapping: [] };
    }),
  };
}

/** The heuristic graph of a library: proposals with confidence ≥ 0.5 taken as accepted edges. */
export function heuristicGraph(files: { name: string; text: string }[], minConfidence = 0.5): PathGraph {
  const functions = toGraphFunctions(parseLibraryFiles(files, { format: 'bfcl' }).functions);
  const edges = proposeEdges(functions)
    .proposals.filter((p) => p.confidence >= minConfidence)
    .map((p): PathEdge => ({ fromId: p.fromId, toId: p.toId, kind: p.kind, status: 'accepted', mapping: p.mapping }));
  return { functions, edges };
}

export const demoGraph = (): PathGraph => heuristicGraph(demoLibraryFiles());

const BFCL_DOCS = path.join(SHARED_DATA, 'bfcl_v3', 'multi_turn_func_doc');
export const hasBfcl = hasSharedData && readdirSync(SHARED_DATA).includes('bfcl_v3');
if (!hasBfcl) console.warn(`skipping path tests on the BFCL v3 library: ${BFCL_DOCS} is absent`);

export function bfclGraph(): PathGraph {
  const files = readdirSync(BFCL_DOCS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(BFCL_DOCS, f), 'utf8') }));
  return heuristicGraph(files);
}

/** Function ids of a turn list's calls, turn by turn: [['api/a'], ['api/b','api/c']]. */
export const ids = (turns: readonly PathTurn[]) => turns.map((t) => t.calls.map((c) => c.functionId));

// ---------------------------------------------------------------------------------------------
// Re-counting opportunities: each path's history is replayed from its walk, and before every
// operation stage the test decides on its own (from the rules in sample.ts's header) where the
// operation was possible. Every operation in the history must fall on such an opportunity.

export interface Tally {
  /** Draws that could merge / insert / split, and how many did. */
  mergeChances: number;
  merges: number;
  insertChances: number;
  inserts: number;
  /** Insertions where both forms were possible, and how many of those were nested. */
  insertBoth: number;
  insertBothNested: number;
  splitChances: number;
  splits: number;
  splitBoth: number;
  splitBothMissParam: number;
  /** Adjacent pairs of the walks, and turns after merging (for unconditional shares). */
  walkPairs: number;
  mergedTurns: number;
  /** Walk lengths, for the exact expected merge count. */
  walkLengths: number[];
}

export function tally(paths: readonly SamplePath[], graph: PathGraph, recipe: Recipe): Tally {
  const index = indexGraph(graph, { includeProposed: recipe.includeProposed });
  const t: Tally = {
    mergeChances: 0,
    merges: 0,
    insertChances: 0,
    inserts: 0,
    insertBoth: 0,
    insertBothNested: 0,
    splitChances: 0,
    splits: 0,
    splitBoth: 0,
    splitBothMissParam: 0,
    walkPairs: 0,
    mergedTurns: 0,
    walkLengths: [],
  };
  const max = recipe.maxCallsPerTurn;
  const mix = recipe.insertMix ?? { nested: 1, long: 1 };
  const scenarios = recipe.scenarioMix ?? { miss_param: 1, miss_func: 1 };
  for (const p of paths) {
    const h = p.history;
    if (h[0]?.op !== 'walk') throw new Error(`${p.seed}: history does not start with the walk`);
    let state = applyOperation({ turns: [], history: [], stopReason: null, seed: p.seed }, h[0]);
    let k = 1;
    const n = state.turns.length;
    t.walkLengths.push(n);
    t.walkPairs += n - 1;

    // Merge: left to right over pairs; a pair with room is a chance.
    for (let i = 0; i + 1 < state.turns.length;) {
      const room = state.turns[i].calls.length + state.turns[i + 1].calls.length <= max;
      if (room) t.mergeChances++;
      const op = h[k];
      if (op?.op === 'merge' && op.params.turn === i) {
        if (!room) throw new Error(`${p.seed}: merge at turn ${i} without room`);
        state = applyOperation(state, op);
        k++;
        t.merges++;
      } else i++;
    }
    t.mergedTurns += state.turns.length;

    // Insert: one chance per merged turn with a candidate and a possible form.
    const made = state.turns.map(() => false);
    for (let i = 0; i < state.turns.length; i++) {
      if (made[i]) continue;
      const turn = state.turns[i];
      const last = turn.calls[turn.calls.length - 1].functionId;
      const inTurn = new Set(turn.calls.map((c) => c.functionId));
      const hasCandidate = index.next(last).some((id) => !inTurn.has(id));
      const nestedOk = mix.nested > 0 && turn.calls.length < max;
      const longOk = mix.long > 0 && i + 1 < state.turns.length;
      const chance = hasCandidate && (nestedOk || longOk);
      if (chance) t.insertChances++;
      const op = h[k];
      const here =
        (op?.op === 'insert_nested' && op.params.turn === i) || (op?.op === 'insert_long' && op.params.fromTurn === i);
      if (!here) continue;
      if (!chance) throw new Error(`${p.seed}: insertion at turn ${i} where none was possible`);
      const to = String(op.params.functionId);
      if (!index.edge(last, to)) throw new Error(`${p.seed}: inserted ${to} does not follow an edge from ${last}`);
      t.inserts++;
      if (nestedOk && longOk) {
        t.insertBoth++;
        if (op.op === 'insert_nested') t.insertBothNested++;
      }
      state = applyOperation(state, op, { maxCallsPerTurn: max });
      k++;
      if (op.op === 'insert_long') made.splice(Number(op.params.turn), 0, true);
    }

    // Split: one chance per path where some turn after the first can carry a scenario.
    const { missParam, missFunc } = splitOptions(state.turns, index);
    const paramOk = missParam && scenarios.miss_param > 0;
    const funcOk = missFunc && scenarios.miss_func > 0;
    if (paramOk || funcOk) t.splitChances++;
    const op = h[k];
    if (op?.op === 'split') {
      if (!paramOk && !funcOk) throw new Error(`${p.seed}: split where none was possible`);
      t.splits++;
      if (paramOk && funcOk) {
        t.splitBoth++;
        if (op.params.kind === 'miss_param') t.splitBothMissParam++;
      }
      state = applyOperation(state, op);
      k++;
    }
    if (k !== h.length) throw new Error(`${p.seed}: operation ${k} (${h[k]?.op}) is out of the paper's order`);
    if (JSON.stringify(state.turns) !== JSON.stringify(p.turns))
      throw new Error(`${p.seed}: replaying the history does not give the path`);
  }
  return t;
}

/** Can some turn after the first carry a miss_param (a user-givable required value) or a miss_func (a function not called before)? */
function splitOptions(turns: readonly PathTurn[], index: GraphIndex): { missParam: boolean; missFunc: boolean } {
  let missParam = false;
  let missFunc = false;
  const before = new Set<string>();
  turns.forEach((turn, i) => {
    if (i > 0) {
      for (const c of turn.calls) {
        const fn = index.byId.get(c.functionId);
        if (!c.nested && fn && requiredInputs(fn).some((r) => r.userGivable)) missParam = true;
        if (!before.has(c.functionId)) missFunc = true;
      }
    }
    for (const c of turn.calls) before.add(c.functionId);
  });
  return { missParam, missFunc };
}

/**
 * Merges made by the left-to-right pass over a walk of n single-call turns: the exact mean and
 * variance of their number (a chain over the size of the growing turn, 1..max).
 */
export function mergeMoments(n: number, p: number, max: number): { mean: number; variance: number } {
  // dist[s][k]: probability that the current turn holds s calls after k merges.
  let dist = new Map<string, number>([['1,0', 1]]);
  for (let pair = 0; pair < n - 1; pair++) {
    const next = new Map<string, number>();
    const add = (s: number, k: number, q: number) => next.set(`${s},${k}`, (next.get(`${s},${k}`) ?? 0) + q);
    for (const [key, q] of dist) {
      const [s, k] = key.split(',').map(Number);
      if (s < max) {
        add(s + 1, k + 1, q * p);
        add(1, k, q * (1 - p));
      } else add(1, k, q);
    }
    dist = next;
  }
  let mean = 0;
  let second = 0;
  for (const [key, q] of dist) {
    const k = Number(key.split(',')[1]);
    mean += q * k;
    second += q * k * k;
  }
  return { mean, variance: second - mean * mean };
}

/** |observed − expected| in standard errors of a binomial share. */
export function zOf(successes: number, trials: number, p: number): number {
  if (trials === 0) return 0;
  const se = Math.sqrt((p * (1 - p)) / trials);
  return se === 0 ? (successes / trials === p ? 0 : Infinity) : Math.abs(successes / trials - p) / se;
}
