// Path sampling on the paper's graph size: 10,000 paths of 7 steps with every operation
// (merge 0.3, insert 0.3, split 0.2) on the heuristic graph of a generated BFCL-style library of
// 5,011 functions in 49 classes (seed 1); every heuristic proposal is taken as an accepted
// edge. Aim: under 1 s.
//
//   npx tsx bench/paths-sample.ts
//
// 'wall s' times samplePaths only (indexing the graph included; generating the library and
// proposing edges are not). 'peak RSS MB' is the process's maximum resident set, a ceiling
// that includes the library and the edge proposals.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseLibraryFiles } from '../lib/magnet/functions';
import { proposeEdges, toGraphFunctions } from '../lib/magnet/graph';
import { pathStats, samplePaths, type PathEdge, type RecipeInput } from '../lib/magnet/paths';
import { bfclLibraryFiles, generateBfclLibrary } from './generate-library';

const FUNCTIONS = 5011;
const CLASSES = 49;
const RECIPE: RecipeInput = { steps: 7, count: 10_000, seed: 'bench', merge: 0.3, insert: 0.3, split: 0.2 };

const mb = (bytes: number) => +(bytes / 1048576).toFixed(0);

export async function benchPathsSample(): Promise<Record<string, string | number>> {
  const library = parseLibraryFiles(
    bfclLibraryFiles(generateBfclLibrary({ functions: FUNCTIONS, classes: CLASSES, seed: 1 })),
    { format: 'bfcl' },
  );
  if (library.functions.length === 0)
    throw new Error(`generated library did not import: ${library.issues[0]?.message}`);
  const functions = toGraphFunctions(library.functions);
  const edges: PathEdge[] = proposeEdges(functions).proposals.map((p) => ({
    fromId: p.fromId,
    toId: p.toId,
    kind: p.kind,
    status: 'accepted',
    mapping: p.mapping,
  }));

  const started = process.hrtime.bigint();
  const paths = samplePaths({ functions, edges }, RECIPE);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const s = pathStats(paths, functions);
  return {
    bench: 'path sampling (10,000 paths of 7 steps, all operations, 5,011 functions)',
    functions: functions.length,
    edges: edges.length,
    paths: paths.length,
    'turns per path': s.turns.mean,
    'calls per path': s.callsPerPath.mean,
    'merge/nested/long/split': `${s.operations.merge}/${s.operations.insert_nested}/${s.operations.insert_long}/${s.operations.split}`,
    'dead ends': s.stoppedEarly,
    'function coverage': s.functionCoverage.share,
    'wall s': +seconds.toFixed(3),
    'peak RSS MB': mb(process.resourceUsage().maxRSS * 1024),
    aim: 'under 1 s',
  };
}

// Run as a script (npx tsx bench/paths-sample.ts), not when imported.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchPathsSample();
  console.log(`\n${figures.bench}`);
  for (const [k, v] of Object.entries(figures)) if (k !== 'bench') console.log(`  ${k.padEnd(24)} ${v}`);
}
