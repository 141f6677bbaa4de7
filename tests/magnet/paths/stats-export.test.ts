// Batch statistics and the JSON-lines export.
import { describe, expect, it } from 'vitest';

import {
  applyOperation,
  pathStats,
  pathToJsonLine,
  pathsToJsonLines,
  samplePaths,
  type SamplePath,
} from '../../../lib/magnet/paths';
import { demoGraph, graphOf } from './helpers';

const g = graphOf(['a', 'b', 'c', 'd'], ['a>b', 'b>c', 'c>d']);
const none = { merge: 0, insert: 0, split: 0 };
const call = (n: string) => ({ functionId: `api/${n}`, name: n });

/** a b c d, then b merged into a, a nested d after c, and a miss_func before c. */
function handMade(): SamplePath {
  let [p] = samplePaths(g, { ...none, count: 1, steps: 4, startNodes: ['api/a'], seed: 's' });
  p = applyOperation(p, { op: 'merge', params: { turn: 0, calls: 1 } });
  p = applyOperation(p, { op: 'insert_nested', params: { turn: 1, from: 'api/c', ...call('d') } });
  return applyOperation(p, { op: 'split', params: { turn: 1, kind: 'miss_func', ...call('c') } });
}

describe('pathStats', () => {
  it('counts lengths, calls, operations and coverage', () => {
    const [short] = samplePaths(g, { ...none, count: 1, startNodes: ['api/c'], seed: 's' });
    const s = pathStats([handMade(), short], g.functions);
    expect(s.paths).toBe(2);
    expect(s.turns).toEqual({
      mean: 3,
      histogram: [
        { value: 2, count: 1 },
        { value: 4, count: 1 },
      ],
    });
    expect(s.walkLength).toEqual({
      mean: 3,
      histogram: [
        { value: 2, count: 1 },
        { value: 4, count: 1 },
      ],
    });
    expect(s.callsPerTurn.histogram).toEqual([
      { value: 1, count: 3 },
      { value: 2, count: 2 },
    ]);
    expect(s.callsPerPath.histogram).toEqual([
      { value: 2, count: 1 },
      { value: 5, count: 1 },
    ]);
    expect(s.turnKinds).toEqual({ normal: 5, miss_param: 0, miss_func: 1 });
    expect(s.operations).toEqual({
      walk: 2,
      edit: 0,
      merge: 1,
      insert_nested: 1,
      insert_long: 0,
      split: 1,
      miss_param: 0,
      miss_func: 1,
    });
    expect(s.stoppedEarly).toBe(1);
    expect(s.nestedCalls).toBe(1);
    expect(s.functionCoverage).toEqual({ used: 4, total: 4, share: 1 });
    expect(s.classCoverage).toEqual({ used: 1, total: 1, share: 1 });
    expect(s.functionUse[0]).toEqual({ functionId: 'api/d', name: 'd', count: 3 });
  });

  it('measures coverage of a library batch', () => {
    const graph = demoGraph();
    const s = pathStats(samplePaths(graph, { count: 300, seed: 'cov' }), graph.functions);
    expect(s.classCoverage).toEqual({ used: 5, total: 5, share: 1 });
    expect(s.functionCoverage.total).toBe(graph.functions.length);
    expect(s.functionCoverage.used).toBeGreaterThan(40);
    expect(s.operations.walk).toBe(300);
    expect(s.operations.split).toBe(s.operations.miss_param + s.operations.miss_func);
  });
});

describe('pathToJsonLine', () => {
  it('writes keys in a fixed order, without whitespace', () => {
    const line = pathToJsonLine(handMade(), new Map());
    expect(line).not.toContain('\n');
    expect(Object.keys(JSON.parse(line))).toEqual(['seed', 'stopReason', 'turns', 'operations']);
    const turns = JSON.parse(line).turns;
    expect(turns[1]).toEqual({
      index: 1,
      kind: 'miss_func',
      calls: [],
      withheld: { functionId: 'api/c', name: 'c' },
      availableFromTurn: 2,
    });
    expect(Object.keys(turns[2])).toEqual(['index', 'kind', 'calls']);
    expect(turns[2].calls).toEqual([
      { functionId: 'api/c', name: 'c', nested: false },
      { functionId: 'api/d', name: 'd', nested: true },
    ]);
    expect(line).toContain('"operations":[{"op":"walk","params":{"calls":[');
    expect(line).toContain('{"op":"merge","params":{"calls":1,"turn":0}}');
  });

  it('uses the current names, and the same bytes whatever the params key order', () => {
    const p = handMade();
    expect(pathToJsonLine(p, { 'api/c': 'check_c' })).toContain(
      '{"functionId":"api/c","name":"check_c","nested":false}',
    );
    expect(pathToJsonLine(p, new Map([['api/c', 'check_c']]))).toBe(pathToJsonLine(p, { 'api/c': 'check_c' }));
    const shuffledParams: SamplePath = {
      ...p,
      history: p.history.map((o) => ({ op: o.op, params: Object.fromEntries(Object.entries(o.params).reverse()) })),
    };
    expect(pathToJsonLine(shuffledParams)).toBe(pathToJsonLine(p));
  });

  it('joins lines with a final newline', () => {
    const paths = [handMade(), handMade()];
    expect(pathsToJsonLines(paths)).toBe(`${pathToJsonLine(paths[0])}\n${pathToJsonLine(paths[1])}\n`);
  });
});
