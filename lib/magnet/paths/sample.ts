// Sampling signature paths (DESIGN.md, Magnet step 3): the random walk, then the node
// operations in the paper's order (merge, then insert, then split), every one recorded in
// the path's history. Path i is sampled from its own generator seeded with `${seed}:${i}`, so
// it can be sampled alone and the same recipe, seed and graph always give the same paths.
//
// Each probability applies to an opportunity where the operation is possible; where it is not,
// no draw is made (so the observed rate over opportunities is the recipe's probability):
// - merge (per adjacent pair, left to right): turn i+1 joins turn i with probability `merge`
//   when together they hold at most maxCallsPerTurn calls; a merged turn may keep growing.
// - insert (per turn of the merged path, in order; turns made by insertion are not visited):
//   the last call L of the turn needs an out-neighbour N not already in the turn (those not
//   yet in the path are preferred). The insertion is *nested* (N appended to the turn, the
//   user does not name it) when the turn has room, or *long* (N becomes its own turn placed
//   after a later turn picked uniformly, so at least one turn lies between L and N) when a
//   later turn exists; with probability `insert` one insertion is made, its form drawn by
//   `insertMix` among the possible forms (equal weights by default).
// - split (per path): with probability `split`, one empty turn is inserted after a turn,
//   when the turn after it can carry a scenario: miss_param needs a call (not a nested one)
//   with a required value a user could give (inputs.ts), miss_func a call whose function is
//   not called in any earlier turn (it is withheld until that turn). The scenario is drawn by
//   `scenarioMix` among the possible ones (equal weights by default), then the position
//   uniformly among the turns that can carry it, then the call (and parameter) uniformly.
import { indexGraph, type GraphIndex } from './graph-index';
import { requiredInputs, type RequiredInput } from './inputs';
import { applyToDraft, type PathDraft } from './operations';
import { PathRng } from './rng';
import {
  parseRecipe,
  type PathCall,
  type PathOperation,
  type PathOperationName,
  type PathTurn,
  type PathGraph,
  type Recipe,
  type RecipeInput,
  type SamplePath,
} from './types';
import { randomWalk, startCandidates } from './walk';

export interface PathSampler {
  recipe: Recipe;
  index: GraphIndex;
  /** Path i of the batch (any i ≥ 0, also past `count`), sampled alone. */
  sample(i: number): SamplePath;
}

/** The seed path i is sampled from. */
export const pathSeed = (recipeSeed: string, i: number) => `${recipeSeed}:${i}`;

export function createPathSampler(graph: PathGraph, recipeInput: RecipeInput): PathSampler {
  const recipe = parseRecipe(recipeInput);
  const index = indexGraph(graph, { includeProposed: recipe.includeProposed });
  if (index.functions.length === 0) throw new Error('the graph has no functions to walk');
  const starts = startCandidates(index, recipe.startNodes);
  const inputsCache = new Map<string, RequiredInput[]>();
  const inputsOf = (id: string): RequiredInput[] => {
    let r = inputsCache.get(id);
    if (!r) {
      const fn = index.byId.get(id);
      r = fn ? requiredInputs(fn) : [];
      inputsCache.set(id, r);
    }
    return r;
  };
  const ctx: Context = { recipe, index, starts, inputsOf };
  return {
    recipe,
    index,
    sample: (i) => {
      if (!Number.isSafeInteger(i) || i < 0) throw new Error(`a path index is a non-negative integer, got ${i}`);
      return samplePathWith(ctx, i);
    },
  };
}

/** `recipe.count` paths. */
export function samplePaths(graph: PathGraph, recipe: RecipeInput): SamplePath[] {
  const sampler = createPathSampler(graph, recipe);
  const out: SamplePath[] = [];
  for (let i = 0; i < sampler.recipe.count; i++) out.push(sampler.sample(i));
  return out;
}

/** Path i of the batch `samplePaths(graph, recipe)` would return, sampled alone. */
export function samplePath(graph: PathGraph, recipe: RecipeInput, i: number): SamplePath {
  return createPathSampler(graph, recipe).sample(i);
}

interface Context {
  recipe: Recipe;
  index: GraphIndex;
  starts: readonly string[];
  inputsOf(id: string): RequiredInput[];
}

const DEFAULT_MIX = { nested: 1, long: 1 };
const DEFAULT_SCENARIOS = { miss_param: 1, miss_func: 1 };

function samplePathWith(ctx: Context, i: number): SamplePath {
  const { recipe, index } = ctx;
  const seed = pathSeed(recipe.seed, i);
  const rng = new PathRng(seed);
  const draft: PathDraft = { turns: [], stopReason: null };
  const history: PathOperation[] = [];
  const max = recipe.maxCallsPerTurn;
  // 1. The walk. (Parameter objects are written in their schema's key order.)
  const walk = randomWalk(index, ctx.starts, recipe.steps, rng);
  record(draft, history, max, 'walk', { steps: recipe.steps, calls: walk.calls, stopReason: walk.stopReason });
  // The walk replaced the draft's (empty) turn list; edits from here on are in place.
  const turns = draft.turns;

  // 2. Merge, left to right; a merged turn keeps its place and may take the next one too.
  for (let t = 0; t + 1 < turns.length;) {
    const here = turns[t].calls.length;
    if (here + turns[t + 1].calls.length <= max && rng.chance(recipe.merge))
      record(draft, history, max, 'merge', { turn: t, calls: here });
    else t++;
  }

  // 3. Insert, one chance per turn of the merged path.
  const mix = recipe.insertMix ?? DEFAULT_MIX;
  const madeByInsert: boolean[] = turns.map(() => false);
  for (let t = 0; t < turns.length; t++) {
    if (madeByInsert[t]) continue;
    const turn = turns[t];
    const last = turn.calls[turn.calls.length - 1];
    const next = index.next(last.functionId);
    if (!next.some((id) => !calls(turn, id))) continue;
    const nestedOk = mix.nested > 0 && turn.calls.length < max;
    const longOk = mix.long > 0 && t + 1 < turns.length;
    if (!nestedOk && !longOk) continue;
    if (!rng.chance(recipe.insert)) continue;
    const candidates = next.filter((id) => !calls(turn, id));
    const inPath = new Set<string>();
    for (const x of turns) for (const c of x.calls) inPath.add(c.functionId);
    const fresh = candidates.filter((id) => !inPath.has(id));
    const chosen = rng.pick(fresh.length > 0 ? fresh : candidates);
    const name = index.byId.get(chosen)?.name ?? chosen;
    const nested = nestedOk && longOk ? rng.weighted([mix.nested, mix.long]) === 0 : nestedOk;
    if (nested) {
      record(draft, history, max, 'insert_nested', { turn: t, from: last.functionId, functionId: chosen, name });
    } else {
      const after = t + 1 + rng.below(turns.length - t - 1);
      const params = { fromTurn: t, turn: after + 1, from: last.functionId, functionId: chosen, name };
      record(draft, history, max, 'insert_long', params);
      madeByInsert.splice(after + 1, 0, true);
    }
  }

  // 4. Split: at most one empty turn per path. Whether one fits is checked first; the options
  // are listed only for the paths that get one.
  const scenarios = recipe.scenarioMix ?? DEFAULT_SCENARIOS;
  const fits = splitFits(turns, ctx);
  const weights = [fits.missParam ? scenarios.miss_param : 0, fits.missFunc ? scenarios.miss_func : 0];
  if ((weights[0] > 0 || weights[1] > 0) && rng.chance(recipe.split)) {
    const missParam = rng.weighted(weights) === 0;
    const split = splitCandidates(draft, ctx);
    const options: SplitOption[] = missParam ? split.missParam : split.missFunc;
    const positions = [...new Set(options.map((o) => o.turn))];
    const turn = rng.pick(positions);
    const o = rng.pick(options.filter((x) => x.turn === turn));
    const call = turns[turn].calls[o.callIndex];
    if (missParam)
      record(draft, history, max, 'split', {
        turn,
        kind: 'miss_param',
        callIndex: o.callIndex,
        param: o.param as string,
      });
    else
      record(draft, history, max, 'split', { turn, kind: 'miss_func', functionId: call.functionId, name: call.name });
  }

  return { turns: draft.turns, history, stopReason: draft.stopReason, seed };
}

/** Does the turn call this function? */
function calls(turn: PathTurn, functionId: string): boolean {
  for (const c of turn.calls) if (c.functionId === functionId) return true;
  return false;
}

function record(
  draft: PathDraft,
  history: PathOperation[],
  maxCallsPerTurn: number,
  op: PathOperationName,
  params: PathOperation['params'],
): void {
  applyToDraft(draft, op, params, { maxCallsPerTurn });
  history.push({ op, params });
}

/** Can a call carry miss_param: not nested, with a required value a user could give? */
const canMissParam = (call: PathCall, inputsOf: (id: string) => RequiredInput[]) =>
  !call.nested && inputsOf(call.functionId).some((r) => r.userGivable);

/** Does some turn after the first carry a scenario? (splitCandidates, without listing.) */
function splitFits(
  turns: readonly PathTurn[],
  ctx: { inputsOf(id: string): RequiredInput[] },
): { missParam: boolean; missFunc: boolean } {
  let missParam = false;
  let missFunc = false;
  const calledBefore = new Set<string>();
  for (let t = 0; t < turns.length && !(missParam && missFunc); t++) {
    const turn = turns[t];
    if (t > 0 && turn.kind === 'normal') {
      for (const call of turn.calls) {
        if (!missParam && canMissParam(call, ctx.inputsOf)) missParam = true;
        if (!calledBefore.has(call.functionId)) missFunc = true;
      }
    }
    for (const c of turn.calls) calledBefore.add(c.functionId);
  }
  return { missParam, missFunc };
}

export interface SplitOption {
  /** The turn that would follow the empty turn (the empty turn takes its index). */
  turn: number;
  callIndex: number;
  /** miss_param: the required parameter left out. */
  param?: string;
}

/**
 * Where a split could go in this path: empty turns go after a turn (never first), before a
 * normal turn whose call can carry the scenario. Exported for the editor and the tests.
 */
export function splitCandidates(
  path: Pick<PathDraft, 'turns'>,
  ctx: { inputsOf(id: string): RequiredInput[] },
): { missParam: SplitOption[]; missFunc: SplitOption[] } {
  const missParam: SplitOption[] = [];
  const missFunc: SplitOption[] = [];
  const calledBefore = new Set<string>();
  path.turns.forEach((turn, t) => {
    if (t > 0 && turn.kind === 'normal') {
      const seenHere = new Set<string>();
      turn.calls.forEach((call, callIndex) => {
        if (canMissParam(call, ctx.inputsOf)) {
          for (const input of ctx.inputsOf(call.functionId))
            if (input.userGivable) missParam.push({ turn: t, callIndex, param: input.name });
        }
        if (!calledBefore.has(call.functionId) && !seenHere.has(call.functionId)) missFunc.push({ turn: t, callIndex });
        seenHere.add(call.functionId);
      });
    }
    for (const c of turn.calls) calledBefore.add(c.functionId);
  });
  return { missParam, missFunc };
}
