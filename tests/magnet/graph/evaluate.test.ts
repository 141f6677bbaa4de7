// evaluateAgainst: recall over a hand-made list, precision over the proposals it can judge.
import { describe, expect, it } from 'vitest';

import { evaluateAgainst, type EdgeProposal } from '../../../lib/magnet/graph';

const p = (fromId: string, toId: string, confidence = 0.9, kind: EdgeProposal['kind'] = 'full'): EdgeProposal => ({
  fromId,
  toId,
  kind,
  confidence,
  mapping: [],
  reason: `${fromId} feeds ${toId}`,
});
const nameOf = (id: string) => id.replace(/^.*\//, '');

describe('evaluateAgainst', () => {
  const expected = [
    { from: 'a', to: 'b', kind: 'full' as const },
    { from: 'a', to: 'c', kind: 'partial' as const },
    { from: 'a', to: 'c', kind: 'partial' as const }, // a second field of the same pair counts once
    { from: 'd', to: 'e' },
  ];

  it('counts recall by pair and precision over proposals leaving a listed source', () => {
    const proposals = [p('x/a', 'x/b'), p('x/a', 'x/c', 0.5, 'full'), p('x/a', 'x/f', 0.7), p('x/g', 'x/h')];
    const ev = evaluateAgainst(expected, proposals, nameOf);
    expect(ev).toMatchObject({ expected: 3, judged: 3, hits: 2 });
    expect(ev.recall).toBeCloseTo(2 / 3);
    expect(ev.precision).toBeCloseTo(2 / 3);
    expect(ev.kindAgreement).toBeCloseTo(1 / 2);
    expect(ev.missed).toEqual([{ from: 'd', to: 'e' }]);
    expect(ev.falsePositives.map((f) => `${f.from}>${f.to}`)).toEqual(['a>f']);
  });

  it('judges only proposals in scope, and orders false positives by confidence', () => {
    const proposals = [p('x/a', 'y/z', 0.95), p('x/a', 'x/q', 0.4), p('x/a', 'x/r', 0.8)];
    const ev = evaluateAgainst(expected, proposals, nameOf, { inScope: (q) => q.toId.startsWith('x/') });
    expect(ev.judged).toBe(2);
    expect(ev.falsePositives.map((f) => f.to)).toEqual(['r', 'q']);
  });

  it('is zero, not NaN, on empty input', () => {
    expect(evaluateAgainst([], [], nameOf)).toMatchObject({ recall: 0, precision: 0, kindAgreement: 0 });
  });
});
