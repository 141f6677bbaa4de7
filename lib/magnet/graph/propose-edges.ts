// The heuristic edge proposer (DESIGN.md, Magnet step 2): for every function B, up to K
// candidate producers A from B's category are scored from their schemas, names and
// descriptions; what links them becomes a proposed edge A → B. Pure and deterministic: the
// same functions in any order give the same proposals, sorted by (fromId, toId).
// `candidatePairs` hands the same K candidates to the LLM judge instead.
import { selectCandidates } from './candidates';
import type { MatchContext } from './match';
import { profileFunction, type FunctionProfile } from './profile';
import { scorePair } from './score';
import type { EdgeProposal, GraphFunction } from './types';

export interface ProposeEdgesOptions {
  /** Candidate producers scored per function (the paper's 30). */
  candidates?: number;
  /** Proposals below this confidence are dropped (default 0.3). */
  minConfidence?: number;
  /** Pairs never to propose (already decided edges, rejected ones...). */
  exclude?: (fromId: string, toId: string) => boolean;
}

export interface ProposeEdgesStats {
  functions: number;
  categories: number;
  /** Pairs actually scored. */
  candidatePairs: number;
  proposals: number;
  msProfiles: number;
  msCandidates: number;
  msScoring: number;
}

export interface ProposeEdgesResult {
  proposals: EdgeProposal[];
  stats: ProposeEdgesStats;
}

export const DEFAULT_CANDIDATES = 30;
export const DEFAULT_MIN_CONFIDENCE = 0.3;

/** An output name returned by this share of a category's functions is common there (`username` in a Twitter API). */
const COMMON_SHARE = 0.3;
const COMMON_MIN_COUNT = 3;

// Plain code-unit order, not localeCompare: the same on every machine and locale.
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byPair = (x: { fromId: string; toId: string }, y: { fromId: string; toId: string }) =>
  byId({ id: x.fromId }, { id: y.fromId }) || byId({ id: x.toId }, { id: y.toId });

/** Output names so common in this category that sharing them says less. */
function commonKeysOf(group: readonly FunctionProfile[]): Set<string> {
  const counts = new Map<string, number>();
  for (const p of group) {
    for (const key of new Set(p.outputs.map((f) => f.key))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(COMMON_MIN_COUNT, Math.ceil(COMMON_SHARE * group.length));
  return new Set([...counts].filter(([, c]) => c >= threshold).map(([key]) => key));
}

// performance.now exists in Node and browsers; no other clock is read (timings only go to stats).
const now = () => performance.now();

/** Profiles grouped by category; sorting by id first makes everything after independent of input order. */
function profileGroups(functions: readonly GraphFunction[]): { count: number; groups: FunctionProfile[][] } {
  const sorted = [...functions].sort(byId);
  const groups = new Map<string, FunctionProfile[]>();
  for (const fn of sorted) {
    const profile = profileFunction(fn);
    const group = groups.get(fn.category);
    if (group) group.push(profile);
    else groups.set(fn.category, [profile]);
  }
  return { count: sorted.length, groups: [...groups.values()] };
}

function candidateCount(options: ProposeEdgesOptions): number {
  const k = options.candidates ?? DEFAULT_CANDIDATES;
  if (!Number.isInteger(k) || k < 0) throw new Error(`candidates must be a non-negative integer, got ${k}`);
  return k;
}

/** The pairs A → B the proposer would score (at most K producers per B, same category), sorted by (fromId, toId). */
export function candidatePairs(
  functions: readonly GraphFunction[],
  options: Pick<ProposeEdgesOptions, 'candidates' | 'exclude'> = {},
): { fromId: string; toId: string }[] {
  const k = candidateCount(options);
  const pairs: { fromId: string; toId: string }[] = [];
  for (const group of profileGroups(functions).groups) {
    selectCandidates(group, k, options.exclude).forEach((producers, b) => {
      for (const a of producers) pairs.push({ fromId: group[a].fn.id, toId: group[b].fn.id });
    });
  }
  return pairs.sort(byPair);
}

export function proposeEdges(
  functions: readonly GraphFunction[],
  options: ProposeEdgesOptions = {},
): ProposeEdgesResult {
  const k = candidateCount(options);
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;

  let t = now();
  const { count, groups } = profileGroups(functions);
  const msProfiles = now() - t;

  let msCandidates = 0;
  let msScoring = 0;
  let candidatePairs = 0;
  const proposals: EdgeProposal[] = [];
  for (const group of groups) {
    t = now();
    const candidates = selectCandidates(group, k, options.exclude);
    msCandidates += now() - t;

    t = now();
    const ctx: MatchContext = { commonKeys: commonKeysOf(group) };
    candidates.forEach((producers, b) => {
      candidatePairs += producers.length;
      for (const a of producers) {
        const edge = scorePair(group[a], group[b], ctx);
        if (edge && edge.confidence >= minConfidence) proposals.push(edge);
      }
    });
    msScoring += now() - t;
  }

  proposals.sort(byPair);
  return {
    proposals,
    stats: {
      functions: count,
      categories: groups.length,
      candidatePairs,
      proposals: proposals.length,
      msProfiles: Math.round(msProfiles),
      msCandidates: Math.round(msCandidates),
      msScoring: Math.round(msScoring),
    },
  };
}
