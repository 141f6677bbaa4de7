// Over 1,000 paths on real libraries, the operations happen as often as the recipe says, and
// every path hangs together. The graphs are the heuristic ones (proposeEdges on the parsed
// library), with proposals of confidence ≥ 0.5 taken as accepted edges.
//
// Each probability applies to an opportunity (sample.ts): a pair of adjacent turns with room
// (merge), a turn whose last call has a neighbour to insert and a form that fits (insert), a
// path with a turn that can carry a scenario (split). The test re-counts the opportunities on
// its own by replaying each history (helpers.ts), so each observed rate is a binomial share
// over known trials: it must lie within 4 standard errors of the probability. Merges are also
// checked over all adjacent walk pairs against their exact expectation given the cap on calls
// per turn (mergeMoments), and the scenario and insertion-form mixes against their weights.
import { describe, expect, it } from 'vitest';

import {
  createPathValidator,
  indexGraph,
  parseRecipe,
  samplePaths,
  type PathGraph,
  type RecipeInput,
  type SamplePath,
} from '../../../lib/magnet/paths';
import { bfclGraph, demoGraph, hasBfcl, mergeMoments, tally, zOf } from './helpers';

const TOLERANCE = 4;

function checkRates(label: string, graph: PathGraph, input: RecipeInput) {
  const recipe = parseRecipe(input);
  const paths = samplePaths(graph, recipe);
  const t = tally(paths, graph, recipe);

  // Merges over all adjacent walk pairs: exact mean and variance given the walk lengths.
  let mean = 0;
  let variance = 0;
  for (const n of t.walkLengths) {
    const m = mergeMoments(n, recipe.merge, recipe.maxCallsPerTurn);
    mean += m.mean;
    variance += m.variance;
  }
  const mergeZ = variance > 0 ? Math.abs(t.merges - mean) / Math.sqrt(variance) : t.merges === mean ? 0 : Infinity;

  const rows = [
    ['merge', t.merges, t.mergeChances, recipe.merge, zOf(t.merges, t.mergeChances, recipe.merge)],
    ['insert', t.inserts, t.insertChances, recipe.insert, zOf(t.inserts, t.insertChances, recipe.insert)],
    ['split', t.splits, t.splitChances, recipe.split, zOf(t.splits, t.splitChances, recipe.split)],
    ['  nested | both forms', t.insertBothNested, t.insertBoth, 0.5, zOf(t.insertBothNested, t.insertBoth, 0.5)],
    ['  miss_param | both', t.splitBothMissParam, t.splitBoth, 0.5, zOf(t.splitBothMissParam, t.splitBoth, 0.5)],
  ] as const;
  console.log(
    [
      `${label}: ${paths.length} paths, recipe merge ${recipe.merge} insert ${recipe.insert} split ${recipe.split}, max ${recipe.maxCallsPerTurn} calls/turn`,
      ...rows.map(
        ([name, k, n, p, z]) =>
          `  ${name.padEnd(22)} ${String(k).padStart(5)}/${String(n).padEnd(5)} = ${(n ? k / n : 0).toFixed(4)} vs p ${p}  (${z.toFixed(2)} SE)`,
      ),
      `  merged share of all ${t.walkPairs} walk pairs ${(t.merges / t.walkPairs).toFixed(4)} vs expected ${(mean / t.walkPairs).toFixed(4)} given the cap (${mergeZ.toFixed(2)} SD)`,
      `  unconditional: inserted calls per merged turn ${(t.inserts / t.mergedTurns).toFixed(4)}, split turns per path ${(t.splits / paths.length).toFixed(4)}`,
    ].join('\n'),
  );
  for (const [name, , n, , z] of rows) {
    expect(n, `${name}: too few opportunities to test`).toBeGreaterThan(30);
    expect(z, `${name} rate off by ${z.toFixed(2)} standard errors`).toBeLessThan(TOLERANCE);
  }
  expect(mergeZ).toBeLessThan(TOLERANCE);
  return { paths, recipe };
}

/** Every consecutive pair of calls (empty turns skipped) follows an edge or an operation explains it. */
function checkPairs(paths: readonly SamplePath[], graph: PathGraph, includeProposed = false) {
  const index = indexGraph(graph, { includeProposed });
  const reasons: Record<string, number> = {};
  for (const p of paths) {
    const insertedOps = new Set(
      p.history
        .filter((o) => o.op === 'insert_nested' || o.op === 'insert_long')
        .map((o) => String(o.params.functionId)),
    );
    const seq = p.turns.flatMap((turn) =>
      turn.calls.map((call) => ({ call, inserted: call.nested === true || turn.dependsOnTurn !== undefined })),
    );
    let spine: string | null = null;
    for (let i = 1; i < seq.length; i++) {
      const a = seq[i - 1];
      const b = seq[i];
      if (!a.inserted) spine = a.call.functionId;
      let reason: string | null = null;
      if (index.edge(a.call.functionId, b.call.functionId)) reason = 'edge';
      else if (b.inserted && insertedOps.has(b.call.functionId))
        reason = b.call.nested ? 'insert_nested' : 'insert_long';
      else if (a.inserted && spine && index.edge(spine, b.call.functionId)) reason = 'after an inserted call';
      expect(reason, `${p.seed}: ${a.call.name} → ${b.call.name} is unexplained`).not.toBeNull();
      reasons[reason as string] = (reasons[reason as string] ?? 0) + 1;
    }
  }
  return reasons;
}

function checkValid(paths: readonly SamplePath[], graph: PathGraph, maxCallsPerTurn: number) {
  const validate = createPathValidator(graph, { maxCallsPerTurn, includeProposed: false });
  const warnings: Record<string, number> = {};
  for (const p of paths) {
    const issues = validate(p);
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    for (const i of issues) warnings[i.code] = (warnings[i.code] ?? 0) + 1;
  }
  return warnings;
}

const DEFAULT_RECIPE: RecipeInput = { count: 1000, seed: 'rates' };

describe('operation rates on the demo library (heuristic graph, confidence ≥ 0.5 as accepted)', () => {
  const graph = demoGraph();

  it('matches the default recipe within sampling error, and every path hangs together', () => {
    const { paths, recipe } = checkRates('demo, defaults', graph, DEFAULT_RECIPE);
    const reasons = checkPairs(paths, graph);
    const warnings = checkValid(paths, graph, recipe.maxCallsPerTurn);
    console.log(`  consecutive pairs by explanation ${JSON.stringify(reasons)}; warnings ${JSON.stringify(warnings)}`);
  });

  it('follows other probabilities, caps and mixes too', () => {
    const input: RecipeInput = {
      count: 1000,
      seed: 'rates-2',
      merge: 0.6,
      insert: 0.5,
      split: 0.7,
      maxCallsPerTurn: 2,
      steps: 9,
    };
    const { paths } = checkRates('demo, merge .6 insert .5 split .7, max 2', graph, input);
    checkPairs(paths, graph);
    checkValid(paths, graph, 2);
  });
});

describe.skipIf(!hasBfcl)(
  'operation rates on the BFCL v3 library (heuristic graph, confidence ≥ 0.5 as accepted)',
  () => {
    const graph = hasBfcl ? bfclGraph() : { functions: [], edges: [] };

    it('matches the default recipe within sampling error, and every path hangs together', () => {
      expect(graph.functions).toHaveLength(129);
      const { paths, recipe } = checkRates('BFCL v3, defaults', graph, DEFAULT_RECIPE);
      const reasons = checkPairs(paths, graph);
      const warnings = checkValid(paths, graph, recipe.maxCallsPerTurn);
      const early = paths.filter((p) => p.stopReason).length;
      console.log(
        `  consecutive pairs by explanation ${JSON.stringify(reasons)}; warnings ${JSON.stringify(warnings)}; ${early} walks hit a dead end`,
      );
    });
  },
);
