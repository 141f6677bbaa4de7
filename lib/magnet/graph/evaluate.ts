// Proposals measured against a hand-made list of edges, by function name: recall over the
// list, and precision over the proposals the list can judge (those leaving a function the list
// has edges from). A list is never complete, so that precision is a lower bound.
import type { EdgeKind, EdgeProposal } from './types';

export interface ExpectedLink {
  from: string;
  to: string;
  kind?: EdgeKind;
}

export interface Evaluation {
  /** Distinct (from, to) pairs in the list. */
  expected: number;
  /** Proposals the list can judge: their source is a `from` of the list (and `inScope`). */
  judged: number;
  /** Judged proposals that are in the list. */
  hits: number;
  recall: number;
  precision: number;
  /** Among hits whose expected kind is given, the share proposed with that kind. */
  kindAgreement: number;
  missed: ExpectedLink[];
  /** Judged proposals not in the list, most confident first. */
  falsePositives: (EdgeProposal & { from: string; to: string })[];
}

const pairKey = (from: string, to: string) => `${from}\u0000${to}`;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * `nameOf` turns a proposal's function ids into the names the list uses (undefined: unknown).
 * `inScope` narrows what precision judges (e.g. targets in the same class as the source).
 */
export function evaluateAgainst(
  expected: readonly ExpectedLink[],
  proposals: readonly EdgeProposal[],
  nameOf: (id: string) => string | undefined,
  options: { inScope?: (proposal: EdgeProposal) => boolean } = {},
): Evaluation {
  // Several expected links may share a pair (two fields, two params): the pair counts once.
  const byPair = new Map<string, ExpectedLink>();
  for (const link of expected)
    if (!byPair.has(pairKey(link.from, link.to))) byPair.set(pairKey(link.from, link.to), link);
  const sources = new Set(expected.map((l) => l.from));

  const found = new Map<string, EdgeProposal>();
  const falsePositives: Evaluation['falsePositives'] = [];
  let judged = 0;
  for (const p of proposals) {
    const from = nameOf(p.fromId);
    const to = nameOf(p.toId);
    if (from === undefined || to === undefined) continue;
    const key = pairKey(from, to);
    if (byPair.has(key)) found.set(key, p);
    if (!sources.has(from) || (options.inScope && !options.inScope(p))) continue;
    judged++;
    if (!byPair.has(key)) falsePositives.push({ ...p, from, to });
  }
  falsePositives.sort(
    (x, y) => y.confidence - x.confidence || (pairKey(x.from, x.to) < pairKey(y.from, y.to) ? -1 : 1),
  );

  const withKind = [...found].filter(([key]) => byPair.get(key)!.kind !== undefined);
  const kindOk = withKind.filter(([key, p]) => byPair.get(key)!.kind === p.kind).length;
  const hits = judged - falsePositives.length;
  return {
    expected: byPair.size,
    judged,
    hits,
    recall: ratio(found.size, byPair.size),
    precision: ratio(hits, judged),
    kindAgreement: ratio(kindOk, withKind.length),
    missed: [...byPair].filter(([key]) => !found.has(key)).map(([, link]) => link),
    falsePositives,
  };
}
