// Same recipe + seed + graph ⇒ byte-identical JSON lines; another seed gives other paths; path i
// sampled alone is path i of the batch; the order functions and edges arrive in changes nothing.
import { describe, expect, it } from 'vitest';

import {
  createPathSampler,
  parseRecipe,
  pathsToJsonLines,
  pathToJsonLine,
  recipeSchema,
  samplePath,
  samplePaths,
  type RecipeInput,
} from '../../../lib/magnet/paths';
import { shuffled } from '../graph/helpers';
import { demoGraph } from './helpers';

const graph = demoGraph();
const recipe: RecipeInput = { count: 200, seed: 'determinism', merge: 0.4, insert: 0.4, split: 0.5 };

describe('determinism', () => {
  it('gives byte-identical JSON lines for the same recipe and seed', () => {
    const a = pathsToJsonLines(samplePaths(graph, recipe));
    const b = pathsToJsonLines(samplePaths(graph, recipe));
    expect(a).toBe(b);
    expect(a.split('\n')).toHaveLength(201);
    // Every operation shows up in the batch, so the comparison covers them all.
    for (const op of ['walk', 'merge', 'insert_nested', 'insert_long', 'split', 'miss_param', 'miss_func'])
      expect(a).toContain(`"${op}"`);
  });

  it('gives other paths for another seed', () => {
    const a = samplePaths(graph, recipe).map((p) => pathToJsonLine(p));
    const b = samplePaths(graph, { ...recipe, seed: 'determinism-2' }).map((p) => pathToJsonLine(p));
    const same = a.filter((line, i) => line.replace(/"seed":"[^"]*"/, '') === b[i].replace(/"seed":"[^"]*"/, ''));
    expect(same.length).toBeLessThan(a.length / 10);
  });

  it('samples path i alone exactly as in the batch', () => {
    const batch = samplePaths(graph, recipe);
    for (const i of [0, 1, 57, 199]) {
      const alone = samplePath(graph, recipe, i);
      expect(alone.seed).toBe(`determinism:${i}`);
      expect(pathToJsonLine(alone)).toBe(pathToJsonLine(batch[i]));
      expect(alone).toEqual(batch[i]);
    }
    // A larger count does not change the first paths.
    const longer = samplePaths(graph, { ...recipe, count: 300 });
    expect(pathsToJsonLines(longer.slice(0, 200))).toBe(pathsToJsonLines(batch));
  });

  it('does not depend on the order of functions and edges', () => {
    const reordered = { functions: shuffled(graph.functions, 3), edges: shuffled(graph.edges, 11) };
    expect(pathsToJsonLines(samplePaths(reordered, recipe))).toBe(pathsToJsonLines(samplePaths(graph, recipe)));
  });

  it('accepts a numeric seed as its string', () => {
    const n = samplePaths(graph, { ...recipe, count: 20, seed: 42 });
    const s = samplePaths(graph, { ...recipe, count: 20, seed: '42' });
    expect(pathsToJsonLines(n)).toBe(pathsToJsonLines(s));
    expect(n[3].seed).toBe('42:3');
  });
});

describe('recipe', () => {
  it('fills in the defaults', () => {
    expect(parseRecipe({})).toEqual({
      steps: 7,
      count: 100,
      seed: '1',
      merge: 0.3,
      insert: 0.3,
      split: 0.2,
      maxCallsPerTurn: 3,
      includeProposed: false,
    });
  });

  it('refuses what makes no sense', () => {
    for (const bad of [
      { merge: 1.5 },
      { insert: -0.1 },
      { steps: 0 },
      { count: 2.5 },
      { maxCallsPerTurn: 0 },
      { scenarioMix: { miss_param: 0, miss_func: 0 } },
      { insertMix: { nested: -1, long: 1 } },
      { seed: '' },
      { startNodes: [] },
    ])
      expect(recipeSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('exposes the parsed recipe on the sampler', () => {
    expect(createPathSampler(graph, { seed: 5 }).recipe.seed).toBe('5');
  });
});
