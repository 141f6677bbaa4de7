// The heuristic on the real BFCL v3 multi-turn library, against edges written from its docs
// before the heuristic was tuned (bfcl-expected-edges.ts). Skipped without ../shared/data.
//
// Precision is measured over the proposals the list can judge: those leaving a function that is
// a `from` in the list, to a function of the same class. The list is incomplete, so this is a
// lower bound: the printed false positives are for a person to judge.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { parseLibraryFiles } from '../../../lib/magnet/functions';
import { evaluateAgainst, proposeEdges, toGraphFunctions, type EdgeProposal } from '../../../lib/magnet/graph';
import { hasSharedData, SHARED_DATA } from '../../helpers/shared-data';
import { BFCL_EXPECTED_EDGES } from './bfcl-expected-edges';

const DOCS = path.join(SHARED_DATA, 'bfcl_v3', 'multi_turn_func_doc');
const available = hasSharedData && readdirSync(SHARED_DATA).includes('bfcl_v3');
if (!available) console.warn(`skipping BFCL edge evaluation: ${DOCS} is absent`);

function load() {
  const files = readdirSync(DOCS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(DOCS, f), 'utf8') }));
  const lib = parseLibraryFiles(files, { format: 'bfcl' });
  return toGraphFunctions(lib.functions);
}

const line = (p: EdgeProposal & { from: string; to: string }) =>
  `  ${p.confidence.toFixed(2)} ${p.kind.padEnd(12)} ${p.from} → ${p.to}: ${p.reason}`;

describe.skipIf(!available)('BFCL v3 multi-turn edges', () => {
  const functions = available ? load() : [];
  const byId = new Map(functions.map((f) => [f.id, f]));
  const nameOf = (id: string) => byId.get(id)?.name;
  const sameClass = (p: EdgeProposal) => byId.get(p.fromId)?.category === byId.get(p.toId)?.category;

  it('has an expected list that names real functions of the stated classes', () => {
    expect(functions).toHaveLength(129);
    const classOf = new Map(functions.map((f) => [f.name, f.category]));
    for (const e of BFCL_EXPECTED_EDGES) {
      expect(classOf.get(e.from), e.from).toBe(e.class);
      expect(classOf.get(e.to), e.to).toBe(e.class);
    }
    expect(BFCL_EXPECTED_EDGES.length).toBeGreaterThanOrEqual(25);
  });

  it('finds the edges a reader sees, at a measured precision (recall 0.885, precision 0.50 when written)', () => {
    const { proposals, stats } = proposeEdges(functions);
    const ev = evaluateAgainst(BFCL_EXPECTED_EDGES, proposals, nameOf, { inScope: sameClass });
    const at = (min: number) =>
      evaluateAgainst(
        BFCL_EXPECTED_EDGES,
        proposals.filter((p) => p.confidence >= min),
        nameOf,
        { inScope: sameClass },
      );
    const thresholds = [0.5, 0.7]
      .map((t) => {
        const e = at(t);
        return `≥${t}: recall ${e.recall.toFixed(3)} precision ${e.precision.toFixed(3)}`;
      })
      .join('; ');
    console.log(
      [
        `BFCL v3: ${stats.functions} functions, ${stats.candidatePairs} pairs scored, ${proposals.length} proposals`,
        `recall ${ev.recall.toFixed(3)} (${ev.expected - ev.missed.length}/${ev.expected} expected pairs)`,
        `precision ${ev.precision.toFixed(3)} (${ev.hits}/${ev.judged} judged proposals in the list; a lower bound)`,
        `kind agreement on hits ${ev.kindAgreement.toFixed(3)}; by threshold: ${thresholds}`,
        `missed:`,
        ...ev.missed.map((m) => `  ${m.from} → ${m.to} (${m.kind})`),
        `top false positives (judge them: many are real links the list leaves out):`,
        ...ev.falsePositives.slice(0, 20).map(line),
      ].join('\n'),
    );
    expect(ev.recall).toBeGreaterThanOrEqual(0.8);
    expect(ev.precision).toBeGreaterThanOrEqual(0.45);
    expect(ev.kindAgreement).toBeGreaterThanOrEqual(0.9);
  });
});
