// Heuristic edge proposals on the paper's graph size: a generated BFCL-style library of 5,011
// functions in 49 classes (seed 1), K = 30 candidates per function. Aim: under 5 s.
//
//   npx tsx bench/graph-heuristic.ts
//
// 'wall s' times the proposeEdges call only (not generation or import). 'peak heap MB' is the
// largest V8 heapUsed seen at the sample points (after import, after proposing, results still
// held): a synchronous call cannot be sampled inside, so it is a floor of the true peak;
// 'peak RSS MB' is the process's maximum resident set, a ceiling.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseLibraryFiles } from '../lib/magnet/functions';
import { proposeEdges, toGraphFunctions } from '../lib/magnet/graph';
import { bfclLibraryFiles, generateBfclLibrary } from './generate-library';

const FUNCTIONS = 5011;
const CLASSES = 49;
const K = 30;

const mb = (bytes: number) => +(bytes / 1048576).toFixed(0);

export async function benchGraphHeuristic(): Promise<Record<string, string | number>> {
  const library = parseLibraryFiles(
    bfclLibraryFiles(generateBfclLibrary({ functions: FUNCTIONS, classes: CLASSES, seed: 1 })),
    {
      format: 'bfcl',
    },
  );
  // Functions with import errors are left out by the importer; say how many rather than stop
  // (seed 1 yields 2 response schemas with a duplicate `required` entry).
  const importErrors = library.issues.filter((i) => i.level === 'error').length;
  if (library.functions.length === 0)
    throw new Error(`generated library did not import: ${library.issues[0]?.message}`);
  const functions = toGraphFunctions(library.functions);
  let peakHeap = process.memoryUsage().heapUsed;

  const started = process.hrtime.bigint();
  const { proposals, stats } = proposeEdges(functions, { candidates: K });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);

  const kinds = { full: 0, partial: 0, prerequisite: 0 };
  for (const p of proposals) kinds[p.kind]++;
  return {
    bench: 'heuristic edge proposals (5,011 functions, 49 classes, K=30)',
    functions: stats.functions,
    'import errors': importErrors,
    'candidate pairs': stats.candidatePairs,
    proposals: proposals.length,
    'edges per function': +(proposals.length / stats.functions).toFixed(2),
    'full/partial/prereq': `${kinds.full}/${kinds.partial}/${kinds.prerequisite}`,
    'wall s': +seconds.toFixed(2),
    'peak heap MB': mb(peakHeap),
    'peak RSS MB': mb(process.resourceUsage().maxRSS * 1024),
    aim: 'under 5 s',
  };
}

// Run as a script (npx tsx bench/graph-heuristic.ts), not when imported.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchGraphHeuristic();
  console.log(`\n${figures.bench}`);
  for (const [k, v] of Object.entries(figures)) if (k !== 'bench') console.log(`  ${k.padEnd(20)} ${v}`);
}
