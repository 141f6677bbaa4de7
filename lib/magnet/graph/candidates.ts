// Which producers A are worth scoring for each function B of one category. The paper's judge
// sees up to 30 neighbours per node; scoring every pair of a 16,000-function category would be
// 256 million pairs, so a cheap inverted index ranks producers first: the words of A's output
// field names (and of its name) against the words of B's parameter names and descriptions,
// rare words counting more (idf). Small categories skip the index: everyone is a candidate.
import type { FunctionProfile } from './profile';

/** Postings read per function B at most: rare words are read first, so this only drops the commonest. */
const POSTINGS_BUDGET = 5_000;
/** What a login counts for in the ranking, so actions that a login guards do consider it. */
const SESSION_BONUS = 1;

interface Posting {
  producers: number[];
  weights: number[];
}

/** Words A offers, with how much each says: field names 1, enclosing objects and A's subject 0.7. */
function producerWords(a: FunctionProfile): Map<string, number> {
  const words = new Map<string, number>();
  const put = (w: string, weight: number) => words.set(w, Math.max(words.get(w) ?? 0, weight));
  for (const f of a.outputs) {
    for (const w of f.tokens) put(w, 1);
    for (const w of f.context) put(w, 0.7);
  }
  for (const w of a.subject) put(w, 0.7);
  return words;
}

/** Words B asks for: parameter names 1, their descriptions and B's subject 0.3. */
function consumerWords(b: FunctionProfile): Map<string, number> {
  const words = new Map<string, number>();
  const put = (w: string, weight: number) => words.set(w, Math.max(words.get(w) ?? 0, weight));
  for (const p of b.inputs) {
    for (const w of p.tokens) put(w, 1);
    for (const w of p.descTokens) put(w, 0.3);
  }
  for (const w of b.subject) put(w, 0.3);
  return words;
}

/** Keeps the k best (score desc, index asc) of a stream without sorting the stream. */
class TopK {
  readonly indexes: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}
  offer(index: number, score: number): void {
    const n = this.indexes.length;
    // Most offers lose to the current k-th: decide that before touching the arrays.
    if (n === this.k) {
      const lastScore = this.scores[n - 1];
      if (score < lastScore || (score === lastScore && index > this.indexes[n - 1])) return;
    }
    let at = n;
    while (at > 0 && (score > this.scores[at - 1] || (score === this.scores[at - 1] && index < this.indexes[at - 1])))
      at--;
    this.indexes.splice(at, 0, index);
    this.scores.splice(at, 0, score);
    if (this.indexes.length > this.k) {
      this.indexes.pop();
      this.scores.pop();
    }
  }
}

/**
 * For each function of one category (`group`, in a stable order), the indexes in `group` of the
 * producers to score for it, at most `k`, never itself, never an excluded pair.
 */
export function selectCandidates(
  group: readonly FunctionProfile[],
  k: number,
  exclude?: (fromId: string, toId: string) => boolean,
): number[][] {
  const n = group.length;
  const allowed = (a: number, b: number) => a !== b && !exclude?.(group[a].fn.id, group[b].fn.id);
  if (k <= 0) return group.map(() => []);
  if (n - 1 <= k) {
    return group.map((_, b) => group.map((_, a) => a).filter((a) => allowed(a, b)));
  }

  const postings = new Map<string, Posting>();
  group.forEach((a, index) => {
    for (const [w, weight] of producerWords(a)) {
      let p = postings.get(w);
      if (!p) postings.set(w, (p = { producers: [], weights: [] }));
      p.producers.push(index);
      p.weights.push(weight);
    }
  });
  const sessions = group.map((a, i) => (a.role.session ? i : -1)).filter((i) => i >= 0);

  const scores = new Float64Array(n);
  const touched: number[] = [];
  return group.map((b, bi) => {
    // Rarest words first: they say the most, and the budget then only cuts the commonest.
    const query = [...consumerWords(b)]
      .map(([w, weight]) => ({ w, weight, posting: postings.get(w) }))
      .filter((q): q is { w: string; weight: number; posting: Posting } => q.posting !== undefined)
      .sort((x, y) => x.posting.producers.length - y.posting.producers.length || (x.w < y.w ? -1 : x.w > y.w ? 1 : 0));
    let read = 0;
    for (const { weight, posting } of query) {
      if (read > 0 && read + posting.producers.length > POSTINGS_BUDGET) break;
      const idf = Math.log(1 + n / posting.producers.length);
      for (let i = 0; i < posting.producers.length; i++) {
        const a = posting.producers[i];
        if (scores[a] === 0) touched.push(a);
        scores[a] += weight * posting.weights[i] * idf;
      }
      read += posting.producers.length;
    }
    if ((b.needsLogin || b.role.action) && !b.role.session && !b.role.sessionAdmin) {
      for (const a of sessions) {
        if (scores[a] === 0) touched.push(a);
        scores[a] += SESSION_BONUS;
      }
    }
    const top = new TopK(k);
    for (const a of touched) if (allowed(a, bi)) top.offer(a, scores[a]);
    for (const a of touched) scores[a] = 0;
    touched.length = 0;
    return top.indexes;
  });
}
