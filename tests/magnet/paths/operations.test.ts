// Each node operation's invariants, the paper's order, and the editor's apply / undo.
import { describe, expect, it } from 'vitest';

import {
  applyOperation,
  createPathValidator,
  indexGraph,
  PathOperationError,
  replayHistory,
  requiredInputs,
  samplePaths,
  undoLast,
  type PathOperation,
  type RecipeInput,
  type SamplePath,
} from '../../../lib/magnet/paths';
import { demoGraph, graphOf, ids } from './helpers';

const graph = demoGraph();
const index = indexGraph(graph, { includeProposed: false });
const none = { merge: 0, insert: 0, split: 0 };
const sample = (r: RecipeInput) => samplePaths(graph, { count: 300, seed: 'ops', ...r });
const opsOf = (p: SamplePath, op: PathOperation['op']) => p.history.filter((o) => o.op === op);
const walkIds = (p: SamplePath) => (p.history[0].params.calls as { functionId: string }[]).map((c) => c.functionId);

describe('merge', () => {
  const chain = graphOf(
    ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'],
    ['n1>n2', 'n2>n3', 'n3>n4', 'n4>n5', 'n5>n6', 'n6>n7'],
  );
  const one = (r: RecipeInput) => samplePaths(chain, { ...none, count: 1, startNodes: ['api/n1'], ...r })[0];
  const short = (p: SamplePath) => ids(p.turns).map((t) => t.map((id) => id.slice(5)).join(''));

  it('with p = 1 fills turns up to the cap, in walk order', () => {
    expect(short(one({ merge: 1 }))).toEqual(['123', '456', '7']);
    expect(short(one({ merge: 1, maxCallsPerTurn: 2 }))).toEqual(['12', '34', '56', '7']);
    expect(short(one({ merge: 1, maxCallsPerTurn: 1 }))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(short(one({ merge: 0 }))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(opsOf(one({ merge: 1 }), 'merge').map((o) => o.params)).toEqual([
      { turn: 0, calls: 1 },
      { turn: 0, calls: 2 },
      { turn: 1, calls: 1 },
      { turn: 1, calls: 2 },
    ]);
  });

  it('keeps the walk order and never exceeds the cap', () => {
    for (const max of [1, 2, 3]) {
      for (const p of sample({ ...none, merge: 0.5, maxCallsPerTurn: max })) {
        expect(p.turns.flatMap((t) => t.calls.map((c) => c.functionId))).toEqual(walkIds(p));
        expect(Math.max(...p.turns.map((t) => t.calls.length))).toBeLessThanOrEqual(max);
        expect(p.turns.length + opsOf(p, 'merge').length).toBe(walkIds(p).length);
      }
    }
  });
});

describe('insert', () => {
  it('nested: appends a neighbour of the last call to the same turn, unnamed', () => {
    let nested = 0;
    for (const p of sample({ ...none, insert: 1, insertMix: { nested: 1, long: 0 } })) {
      expect(p.turns).toHaveLength(walkIds(p).length);
      const ops = opsOf(p, 'insert_nested');
      p.turns.forEach((turn, t) => {
        const inserted = turn.calls.filter((c) => c.nested);
        const candidates = index.next(turn.calls[0].functionId).filter((id) => id !== turn.calls[0].functionId);
        // p = 1 and every walk turn has room: a turn with a candidate always gets its call.
        expect(inserted).toHaveLength(candidates.length > 0 ? 1 : 0);
        if (inserted.length === 0) return;
        nested++;
        expect(turn.calls).toHaveLength(2);
        expect(turn.calls[1].nested).toBe(true);
        expect(index.edge(turn.calls[0].functionId, turn.calls[1].functionId)).toBeDefined();
        expect(ops.find((o) => o.params.turn === t)?.params).toMatchObject({
          from: turn.calls[0].functionId,
          functionId: turn.calls[1].functionId,
        });
      });
      expect(ops).toHaveLength(p.turns.filter((t) => t.calls.some((c) => c.nested)).length);
    }
    expect(nested).toBeGreaterThan(300);
  });

  it('nested: respects the cap on calls per turn', () => {
    for (const p of sample({ merge: 1, insert: 1, split: 0, insertMix: { nested: 1, long: 0 }, maxCallsPerTurn: 2 }))
      for (const t of p.turns) expect(t.calls.length).toBeLessThanOrEqual(2);
  });

  it('long: the neighbour becomes its own turn at least two turns after its source', () => {
    let long = 0;
    for (const p of sample({ ...none, insert: 1, insertMix: { nested: 0, long: 1 } })) {
      const ops = opsOf(p, 'insert_long');
      const made = p.turns.filter((t) => t.dependsOnTurn !== undefined);
      expect(made).toHaveLength(ops.length);
      p.turns.forEach((turn, t) => {
        if (turn.dependsOnTurn === undefined) return;
        long++;
        const source = p.turns[turn.dependsOnTurn];
        expect(turn.dependsOnTurn).toBeLessThanOrEqual(t - 2);
        expect(turn.calls).toHaveLength(1);
        expect(turn.calls[0].nested).toBeUndefined();
        expect(source.dependsOnTurn).toBeUndefined();
        expect(index.edge(source.calls[source.calls.length - 1].functionId, turn.calls[0].functionId)).toBeDefined();
      });
      // The walk's own calls keep their order around the inserted turns.
      const spine = p.turns
        .filter((t) => t.dependsOnTurn === undefined)
        .flatMap((t) => t.calls.map((c) => c.functionId));
      expect(spine).toEqual(walkIds(p));
    }
    expect(long).toBeGreaterThan(300);
  });
});

describe('split', () => {
  it('miss_param: an empty turn before a turn whose call lacks a value a user could give', () => {
    const paths = sample({ ...none, split: 1, scenarioMix: { miss_param: 1, miss_func: 0 } });
    let splits = 0;
    for (const p of paths) {
      const empty = p.turns.flatMap((t, i) => (t.kind === 'normal' ? [] : [i]));
      expect(empty.length).toBeLessThanOrEqual(1);
      if (empty.length === 0) continue;
      splits++;
      const [i] = empty;
      const turn = p.turns[i];
      expect(turn.kind).toBe('miss_param');
      expect(turn.calls).toEqual([]);
      expect(i).toBeGreaterThanOrEqual(1);
      const next = p.turns[i + 1];
      expect(next.kind).toBe('normal');
      const call = next.calls[turn.missing!.callIndex];
      expect(call.nested).toBeUndefined();
      const input = requiredInputs(index.byId.get(call.functionId)!).find((r) => r.name === turn.missing!.param);
      expect(input?.userGivable).toBe(true);
      expect(opsOf(p, 'split')[0].params).toEqual({
        turn: i,
        kind: 'miss_param',
        callIndex: turn.missing!.callIndex,
        param: turn.missing!.param,
      });
    }
    expect(splits).toBeGreaterThan(250);
  });

  it('miss_func: the withheld function is not called before it becomes available in a later turn', () => {
    const paths = sample({ ...none, merge: 0.3, insert: 0.3, split: 1, scenarioMix: { miss_param: 0, miss_func: 1 } });
    let splits = 0;
    for (const p of paths) {
      const i = p.turns.findIndex((t) => t.kind !== 'normal');
      if (i < 0) continue;
      splits++;
      const turn = p.turns[i];
      expect(turn.kind).toBe('miss_func');
      expect(turn.availableFromTurn).toBe(i + 1);
      const id = turn.withheld!.functionId;
      expect(p.turns[i + 1].calls.map((c) => c.functionId)).toContain(id);
      for (const t of p.turns.slice(0, i)) expect(t.calls.map((c) => c.functionId)).not.toContain(id);
    }
    expect(splits).toBeGreaterThan(250);
  });

  it('keeps other turns pointing at the right place', () => {
    for (const p of sample({ merge: 0.3, insert: 1, split: 1, insertMix: { nested: 0, long: 1 } })) {
      const validate = createPathValidator(graph);
      expect(validate(p).filter((i) => i.level === 'error')).toEqual([]);
    }
  });
});

describe('order and history', () => {
  const paths = sample({ merge: 0.4, insert: 0.5, split: 0.6 });
  const rank = { walk: 0, merge: 1, insert_nested: 2, insert_long: 2, split: 3, edit: 4 };

  it('applies the operations in the paper order: walk, merges, insertions, at most one split', () => {
    for (const p of paths) {
      const ranks = p.history.map((o) => rank[o.op]);
      expect(ranks[0]).toBe(0);
      expect(ranks.filter((r) => r === 0)).toHaveLength(1);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(opsOf(p, 'split').length).toBeLessThanOrEqual(1);
    }
  });

  it('rebuilds every path from its history, and undoes it step by step', () => {
    for (const p of paths.slice(0, 150)) {
      expect(replayHistory(p.history, p.seed, { maxCallsPerTurn: 3 })).toEqual(p);
      let q = p;
      while (q.history.length > 0) {
        const before = undoLast(q);
        expect(before).toEqual(replayHistory(q.history.slice(0, -1), q.seed));
        expect(applyOperation(before, q.history[q.history.length - 1])).toEqual(q);
        q = before;
      }
      expect(q.turns).toEqual([]);
      expect(q.stopReason).toBeNull();
      expect(undoLast(q)).toBe(q);
    }
  });

  it('does not change the path it is given', () => {
    const p = paths.find((x) => x.history.length > 3)!;
    const copy = structuredClone(p);
    undoLast(p);
    applyOperation(undoLast(p), p.history[p.history.length - 1]);
    expect(p).toEqual(copy);
  });
});

describe('applyOperation for the editor', () => {
  const g = graphOf(['a', 'b', 'c', 'd', 'e'], ['a>b', 'b>c', 'c>d', 'd>e', 'a>e']);
  const [base] = samplePaths(g, { ...none, count: 1, steps: 5, startNodes: ['api/a'] });
  const call = (n: string) => ({ functionId: `api/${n}`, name: n });

  it('merges, inserts and splits as asked', () => {
    expect(ids(base.turns)).toEqual([['api/a'], ['api/b'], ['api/c'], ['api/d'], ['api/e']]);
    let p = applyOperation(base, { op: 'merge', params: { turn: 1, calls: 1 } });
    p = applyOperation(p, { op: 'insert_nested', params: { turn: 0, from: 'api/a', ...call('e') } });
    p = applyOperation(p, { op: 'insert_long', params: { fromTurn: 1, turn: 3, from: 'api/c', ...call('d') } });
    p = applyOperation(p, { op: 'split', params: { turn: 2, kind: 'miss_func', ...call('d') } });
    expect(ids(p.turns)).toEqual([['api/a', 'api/e'], ['api/b', 'api/c'], [], ['api/d'], ['api/d'], ['api/e']]);
    expect(p.turns[2]).toEqual({ kind: 'miss_func', calls: [], withheld: call('d'), availableFromTurn: 3 });
    expect(p.turns[4].dependsOnTurn).toBe(1);
    expect(p.history.map((o) => o.op)).toEqual(['walk', 'merge', 'insert_nested', 'insert_long', 'split']);
  });

  it('refuses operations that do not fit, with a reason', () => {
    const bad: [SamplePath, PathOperation, RegExp][] = [
      [base, { op: 'walk', params: { steps: 2, calls: [call('a')], stopReason: null } }, /starts a path/],
      [base, { op: 'merge', params: { turn: 4, calls: 1 } }, /no turn 5/],
      [base, { op: 'merge', params: { turn: 0, calls: 2 } }, /holds 1 calls, not 2/],
      [base, { op: 'insert_nested', params: { turn: 0, from: 'api/b', ...call('c') } }, /last call of turn 0/],
      [base, { op: 'insert_long', params: { fromTurn: 0, turn: 1, from: 'api/a', ...call('e') } }, /two turns after/],
      [base, { op: 'split', params: { turn: 1, kind: 'miss_func', ...call('a') } }, /does not call a/],
      [base, { op: 'split', params: { turn: 1, kind: 'miss_param', callIndex: 3, param: 'query' } }, /no call 3/],
    ];
    for (const [path, op, message] of bad) expect(() => applyOperation(path, op)).toThrow(message);
    expect(() => applyOperation(base, { op: 'merge', params: { turn: 0, calls: 1 } }, { maxCallsPerTurn: 1 })).toThrow(
      PathOperationError,
    );
    // Parameters are parsed with their schema.
    expect(() => applyOperation(base, { op: 'merge', params: { turn: -1, calls: 1 } })).toThrow();
    expect(() => applyOperation(base, { op: 'split', params: { turn: 1, kind: 'miss_nothing' } })).toThrow();
  });

  it('keeps a long dependency and an available-from turn as their own turns', () => {
    const withLong = applyOperation(base, {
      op: 'insert_long',
      params: { fromTurn: 0, turn: 2, from: 'api/a', ...call('b') },
    });
    expect(() => applyOperation(withLong, { op: 'merge', params: { turn: 1, calls: 1 } })).toThrow(/long insertion/);
    // The turn a long dependency points at cannot be folded into the turn before it.
    const fromB = applyOperation(base, {
      op: 'insert_long',
      params: { fromTurn: 1, turn: 3, from: 'api/b', ...call('c') },
    });
    expect(fromB.turns[3].dependsOnTurn).toBe(1);
    expect(() => applyOperation(fromB, { op: 'merge', params: { turn: 0, calls: 1 } })).toThrow(/referred to/);
    expect(() => applyOperation(fromB, { op: 'merge', params: { turn: 1, calls: 1 } })).not.toThrow();
    // An empty split turn takes no calls.
    const withSplit = applyOperation(base, { op: 'split', params: { turn: 2, kind: 'miss_func', ...call('c') } });
    expect(() => applyOperation(withSplit, { op: 'merge', params: { turn: 2, calls: 1 } })).toThrow(
      /not a turn with calls/,
    );
  });
});

describe('hand edits', () => {
  const base = samplePaths(graph, { count: 40, seed: 'edit', merge: 0.3, insert: 0.5, split: 1 });
  const edit = (p: SamplePath, params: Record<string, unknown>) => applyOperation(p, { op: 'edit', params });
  const fns = graph.functions;

  it('builds a path from nothing, call by call, and undoes every step', () => {
    let p: SamplePath = { turns: [], history: [], stopReason: null, seed: 'hand' };
    p = edit(p, { action: 'add_call', turn: 0, at: 0, newTurn: true, functionId: fns[0].id, name: fns[0].name });
    p = edit(p, { action: 'add_call', turn: 1, at: 0, newTurn: true, functionId: fns[1].id, name: fns[1].name });
    p = edit(p, { action: 'add_call', turn: 1, at: 1, newTurn: false, functionId: fns[2].id, name: fns[2].name });
    p = edit(p, { action: 'move_call', turn: 1, from: 1, to: 0 });
    p = edit(p, { action: 'move_turn', from: 1, to: 0 });
    expect(ids(p.turns)).toEqual([[fns[2].id, fns[1].id], [fns[0].id]]);
    p = edit(p, { action: 'remove_call', turn: 0, at: 0, call: { functionId: fns[2].id, name: fns[2].name } });
    expect(ids(p.turns)).toEqual([[fns[1].id], [fns[0].id]]);
    expect(replayHistory(p.history, p.seed)).toEqual(p);
    let q = p;
    while (q.history.length > 0) {
      const before = undoLast(q);
      expect(applyOperation(before, q.history[q.history.length - 1])).toEqual(q);
      q = before;
    }
    expect(q.turns).toEqual([]);
  });

  it('keeps references pointing at the same turns when turns move, and undoes moves exactly', () => {
    let checked = 0;
    for (const p of base) {
      const n = p.turns.length;
      for (let from = 0; from < n; from++)
        for (const to of [0, n - 1, Math.min(from + 2, n - 1)]) {
          const q = edit(p, { action: 'move_turn', from, to });
          // q.turns[j] is p.turns[order[j]]; its references follow the turns they point at.
          const order = [...Array(n).keys()];
          order.splice(to, 0, ...order.splice(from, 1));
          q.turns.forEach((t, j) => {
            const o = p.turns[order[j]];
            expect(t.calls).toEqual(o.calls);
            const at = (i: number | undefined) => (i === undefined ? undefined : order.indexOf(i));
            expect(t.dependsOnTurn).toEqual(at(o.dependsOnTurn));
            expect(t.availableFromTurn).toEqual(at(o.availableFromTurn));
          });
          expect(undoLast(q)).toEqual(p);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('removes a turn nobody refers to, and puts it back on undo', () => {
    let removed = 0;
    for (const p of base) {
      p.turns.forEach((t, i) => {
        const referenced = p.turns.some((u) => u.availableFromTurn === i || u.dependsOnTurn === i);
        const params = { action: 'remove_turn', turn: i, removed: t };
        if (referenced) {
          expect(() => edit(p, params)).toThrow(PathOperationError);
          return;
        }
        const q = edit(p, params);
        expect(q.turns).toHaveLength(p.turns.length - 1);
        expect(undoLast(q)).toEqual(p);
        removed++;
      });
    }
    expect(removed).toBeGreaterThan(50);
  });

  it('refuses edits that do not fit, with a reason', () => {
    const p = base.find((x) => x.turns.some((t) => t.kind !== 'normal'))!;
    const empty = p.turns.findIndex((t) => t.kind !== 'normal');
    expect(() =>
      edit(p, { action: 'add_call', turn: empty, at: 0, newTurn: false, functionId: fns[0].id, name: 'x' }),
    ).toThrow(/holds no calls/);
    const single = p.turns.findIndex((t) => t.calls.length === 1);
    const c = p.turns[single].calls[0];
    expect(() => edit(p, { action: 'remove_call', turn: single, at: 0, call: c })).toThrow(/remove the turn instead/);
    expect(() => edit(p, { action: 'move_turn', from: 0, to: 99 })).toThrow(/no turn 99/);
    expect(() => edit(p, { action: 'shuffle' })).toThrow();
  });
});
