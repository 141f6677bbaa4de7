// The proposer as a whole: deterministic, order-independent, bounded by K, same category only.
import { describe, expect, it } from 'vitest';

import { bfclLibraryFiles, generateBfclLibrary } from '../../../bench/generate-library';
import { demoLibraryFiles } from '../../../lib/magnet/demo/library';
import { parseLibraryFiles } from '../../../lib/magnet/functions';
import { candidatePairs, proposeEdges, toGraphFunctions, type GraphFunction } from '../../../lib/magnet/graph';
import { fn, shuffled, str } from './helpers';

const demo = toGraphFunctions(parseLibraryFiles(demoLibraryFiles(), { format: 'bfcl' }).functions);

/** `count` functions in one category, each returning an id the next ones take. */
function chain(count: number, category = 'big'): GraphFunction[] {
  return Array.from({ length: count }, (_, i) =>
    fn(`step_${String(i).padStart(5, '0')}`, {
      category,
      params: { [`item_${i % 50}_id`]: str(), note: str() },
      returns: { [`item_${(i + 1) % 50}_id`]: str(), status: str() },
    }),
  );
}

describe('proposeEdges', () => {
  it('gives identical output for the same input, sorted by (fromId, toId)', () => {
    const a = proposeEdges(demo);
    const b = proposeEdges(demo);
    expect(b.proposals).toEqual(a.proposals);
    const keys = a.proposals.map((p) => `${p.fromId}\u0000${p.toId}`);
    expect(keys).toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives the same proposals whatever the input order', () => {
    const base = proposeEdges(demo).proposals;
    expect(proposeEdges(shuffled(demo, 1)).proposals).toEqual(base);
    expect(proposeEdges([...demo].reverse()).proposals).toEqual(base);
    // Also where the candidate index is used (category larger than K + 1).
    const big = chain(120);
    const bigBase = proposeEdges(big, { candidates: 10 }).proposals;
    expect(bigBase.length).toBeGreaterThan(0);
    expect(proposeEdges(shuffled(big, 3), { candidates: 10 }).proposals).toEqual(bigBase);
  });

  it('produces well-formed proposals: no self loops, confidence in 0..1, one-line reasons', () => {
    for (const p of proposeEdges(demo).proposals) {
      expect(p.fromId).not.toBe(p.toId);
      expect(p.confidence).toBeGreaterThanOrEqual(0.3);
      expect(p.confidence).toBeLessThanOrEqual(1);
      expect(p.reason).not.toMatch(/\n/);
      expect(p.reason.length).toBeGreaterThan(10);
      if (p.kind !== 'prerequisite') expect(p.mapping.length).toBeGreaterThan(0);
    }
  });

  it('proposes edges only inside a category', () => {
    const byId = new Map(demo.map((f) => [f.id, f.category]));
    for (const p of proposeEdges(demo).proposals) expect(byId.get(p.fromId)).toBe(byId.get(p.toId));
    const two = [
      fn('create_ticket', { category: 'a', params: { title: str() }, returns: { ticket_id: str() } }),
      fn('get_ticket', { category: 'b', params: { ticket_id: str() } }),
    ];
    expect(proposeEdges(two).proposals).toEqual([]);
  });

  it('scores at most K candidates per function, and never all pairs of a large category', () => {
    const big = chain(400);
    for (const k of [0, 1, 5, 30]) {
      const pairs = candidatePairs(big, { candidates: k });
      const perTarget = new Map<string, number>();
      for (const p of pairs) perTarget.set(p.toId, (perTarget.get(p.toId) ?? 0) + 1);
      expect(Math.max(0, ...perTarget.values())).toBeLessThanOrEqual(k);
      const result = proposeEdges(big, { candidates: k });
      expect(result.stats.candidatePairs).toBe(pairs.length);
      expect(result.stats.candidatePairs).toBeLessThanOrEqual(k * big.length);
      // Every proposal is one of the candidate pairs.
      const candidates = new Set(pairs.map((p) => `${p.fromId} ${p.toId}`));
      for (const p of result.proposals) expect(candidates.has(`${p.fromId} ${p.toId}`)).toBe(true);
    }
    // The index finds the producers that matter: each step's id comes from the step before.
    const proposals = proposeEdges(big, { candidates: 5 }).proposals;
    const linked = new Set(proposals.map((p) => p.toId));
    expect(linked.size).toBeGreaterThan(big.length * 0.9);
  });

  it('uses every other function of a small category as a candidate', () => {
    const pairs = candidatePairs(demo.filter((f) => f.category === 'support_ticketing'));
    const n = demo.filter((f) => f.category === 'support_ticketing').length;
    expect(n).toBeLessThanOrEqual(31);
    expect(pairs).toHaveLength(n * (n - 1));
  });

  it('skips excluded pairs and honours minConfidence', () => {
    const all = proposeEdges(demo).proposals;
    const [first] = all;
    const excluded = proposeEdges(demo, { exclude: (a, b) => a === first.fromId && b === first.toId }).proposals;
    // Demo classes are smaller than K + 1: excluding a pair frees no slot for another.
    expect(excluded).toEqual(all.slice(1));

    const strict = proposeEdges(demo, { minConfidence: 0.8 }).proposals;
    expect(strict.length).toBeLessThan(all.length);
    expect(strict.every((p) => p.confidence >= 0.8)).toBe(true);
  });

  it('rejects a negative or fractional K', () => {
    expect(() => proposeEdges(demo, { candidates: -1 })).toThrow(/candidates/);
    expect(() => proposeEdges(demo, { candidates: 2.5 })).toThrow(/candidates/);
  });

  it('reports its counts', () => {
    const { stats, proposals } = proposeEdges(demo);
    expect(stats).toMatchObject({ functions: demo.length, categories: 5, proposals: proposals.length });
    expect(stats.candidatePairs).toBeGreaterThan(proposals.length);
  });

  it('handles a generated 1,000-function library in one category quickly', () => {
    const lib = parseLibraryFiles(bfclLibraryFiles(generateBfclLibrary({ functions: 1000, classes: 1, seed: 3 })), {
      format: 'bfcl',
    });
    const functions = toGraphFunctions(lib.functions);
    const started = performance.now();
    const { stats } = proposeEdges(functions);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `1,000 functions in one category: ${stats.candidatePairs} pairs scored, ${stats.proposals} proposals, ${seconds.toFixed(2)} s`,
    );
    expect(stats.candidatePairs).toBeLessThanOrEqual(30 * functions.length);
    // Generous: the point is "not quadratic", not a benchmark (see bench/graph-heuristic.ts).
    expect(seconds).toBeLessThan(10);
  });
});
