// The Paths stage's use cases on real databases: sampling with a saved recipe, byte-identical
// exports, filters, hand edits saved through the history, conflicts and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLibraryFiles } from '@/lib/magnet/demo/library';
import { getLocalActor, type Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { buildGraph } from '@/lib/server/graph/build-graph';
import { updateEdges } from '@/lib/server/graph/update-edges';
import { importLibrary } from '@/lib/server/library/import-library';
import { createPath } from '@/lib/server/paths/create-path';
import { deletePaths } from '@/lib/server/paths/delete-paths';
import { exportPaths } from '@/lib/server/paths/export-paths';
import { getPath } from '@/lib/server/paths/get-path';
import { getPathStats } from '@/lib/server/paths/get-path-stats';
import { listPaths } from '@/lib/server/paths/list-paths';
import { listRecipes } from '@/lib/server/paths/list-recipes';
import { samplePaths } from '@/lib/server/paths/sample-paths';
import { savePath } from '@/lib/server/paths/save-path';
import { createProject } from '@/lib/server/projects/create-project';
import { applyOperation, undoLast, type SamplePath } from '@/lib/magnet/paths';
import { providers, type TestDb } from '../helpers/db';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

for (const provider of await providers()) {
  describe(`paths use cases on ${provider.name}`, () => {
    let t: TestDb;
    let actor: Actor;
    beforeAll(async () => {
      t = await provider.make();
      actor = await getLocalActor(t.db);
    });
    afterAll(async () => t?.drop());

    /** The demo library with its heuristic graph, edges of confidence ≥ 0.5 accepted. */
    const demoProject = async (name: string, accept = true) => {
      const { id } = await createProject(t.db, actor, { name });
      await importLibrary(t.db, actor, id, { files: demoLibraryFiles(), format: 'bfcl' });
      await buildGraph(t.db, actor, id, { method: 'heuristic' });
      if (accept) await updateEdges(t.db, actor, id, { filter: { minConfidence: 0.5 }, set: { status: 'accepted' } });
      return id;
    };
    const names = (jsonl: string) =>
      jsonl
        .replace(/"functionId":"[^"]*",/g, '')
        .replace(/"from":"[^"]*",/g, '')
        .replace(/"functionId":"[^"]*"/g, '');

    let pid: string;
    beforeAll(async () => {
      pid = await demoProject('Paths');
    });

    it('samples a batch with a saved recipe; the same recipe and seed export the same bytes', async () => {
      const r = await samplePaths(t.db, actor, pid, { recipeName: 'a', recipe: { count: 200, seed: 's1' } });
      expect(r.sampled).toBe(200);
      expect(r.recipe).toMatchObject({ steps: 7, merge: 0.3, insert: 0.3, split: 0.2, maxCallsPerTurn: 3, seed: 's1' });
      const again = await samplePaths(t.db, actor, pid, { recipeName: 'b', recipe: { count: 200, seed: 's1' } });
      const other = await samplePaths(t.db, actor, pid, { recipeName: 'c', recipe: { count: 200, seed: 's2' } });
      const a = await exportPaths(t.db, actor, pid, { recipeId: r.recipeId });
      const b = await exportPaths(t.db, actor, pid, { recipeId: again.recipeId });
      const c = await exportPaths(t.db, actor, pid, { recipeId: other.recipeId });
      expect(a.count).toBe(200);
      expect(b.jsonl).toBe(a.jsonl);
      expect(c.jsonl).not.toBe(a.jsonl);
      expect(a.jsonl.endsWith('\n')).toBe(true);

      // Another project importing the same library samples the same paths (ids differ, names do not).
      const pid2 = await demoProject('Paths again');
      const r2 = await samplePaths(t.db, actor, pid2, { recipeName: 'a', recipe: { count: 200, seed: 's1' } });
      const a2 = await exportPaths(t.db, actor, pid2, { recipeId: r2.recipeId });
      expect(names(a2.jsonl)).toBe(names(a.jsonl));

      const recipes = await listRecipes(t.db, actor, pid);
      expect(recipes.map((x) => [x.name, x.paths]).sort()).toEqual([
        ['a', 200],
        ['b', 200],
        ['c', 200],
      ]);
      // Every stored path keeps its recipe and its own seed.
      const page = await listPaths(t.db, actor, pid, { recipeId: r.recipeId, limit: 3 });
      expect(page.paths[0]).toMatchObject({ origin: 'sampled', seed: 's1:0', recipe: { seed: 's1', count: 200 } });
      expect(page.paths[1].seed).toBe('s1:1');
    });

    it('filters by scenario, length, function and operations, and counts the same in statistics', async () => {
      const all = await listPaths(t.db, actor, pid, { limit: 1000 });
      const every = [...all.paths];
      for (let off = 1000; off < all.total; off += 1000)
        every.push(...(await listPaths(t.db, actor, pid, { limit: 1000, offset: off })).paths);
      expect(every).toHaveLength(all.total);
      const count = async (f: Record<string, unknown>, pred: (p: (typeof every)[number]) => boolean) => {
        const got = await listPaths(t.db, actor, pid, { ...f, limit: 1 });
        expect(got.total, JSON.stringify(f)).toBe(every.filter(pred).length);
        const stats = await getPathStats(t.db, actor, pid, f);
        expect(stats.paths).toBe(got.total);
        return got.total;
      };
      expect(
        await count({ scenario: 'miss_param' }, (p) => p.turns.some((x) => x.kind === 'miss_param')),
      ).toBeGreaterThan(0);
      expect(
        await count({ scenario: 'miss_func' }, (p) => p.turns.some((x) => x.kind === 'miss_func')),
      ).toBeGreaterThan(0);
      expect(await count({ scenario: 'none' }, (p) => p.turns.every((x) => x.kind === 'normal'))).toBeGreaterThan(0);
      expect(await count({ minTurns: 5, maxTurns: 6 }, (p) => p.turnCount >= 5 && p.turnCount <= 6)).toBeGreaterThan(0);
      expect(
        await count(
          { operations: 'merge,insert_long' },
          (p) => p.history.some((o) => o.op === 'merge') && p.history.some((o) => o.op === 'insert_long'),
        ),
      ).toBeGreaterThan(0);
      const fn = every[0].turns[0].calls[0].functionId;
      expect(
        await count({ functionId: fn }, (p) =>
          p.turns.some((x) => x.calls.some((c) => c.functionId === fn) || x.withheld?.functionId === fn),
        ),
      ).toBeGreaterThan(0);
      const stats = await getPathStats(t.db, actor, pid, {});
      expect(stats.operations.walk).toBe(all.total);
      expect(stats.functionCoverage.total).toBe(57);
      expect(await code(listPaths(t.db, actor, pid, { scenario: 'banana' as never }))).toBe('invalid');
    });

    it('saves hand edits as history, refuses a stale save and a history that does not replay', async () => {
      const { paths } = await listPaths(t.db, actor, pid, { limit: 1 });
      const stored = paths[0];
      const { issues } = await getPath(t.db, actor, pid, stored.id);
      expect(Array.isArray(issues)).toBe(true);
      let p: SamplePath = {
        turns: stored.turns,
        history: stored.history,
        stopReason: stored.stopReason,
        seed: stored.seed!,
      };
      p = applyOperation(p, { op: 'edit', params: { action: 'move_turn', from: p.turns.length - 1, to: 0 } });
      const saved = await savePath(t.db, actor, pid, stored.id, {
        version: stored.version,
        history: p.history,
        name: 'moved',
      });
      expect(saved.version).toBe(stored.version + 1);
      expect(saved.turns).toEqual(p.turns);
      expect(saved.name).toBe('moved');
      // A second curator who read the old version is refused, and the first save stays.
      expect(
        await code(savePath(t.db, actor, pid, stored.id, { version: stored.version, history: stored.history })),
      ).toBe('conflict');
      // The server rebuilds turns from the history: one that does not replay is refused.
      const bad = [...p.history, { op: 'merge', params: { turn: 99, calls: 1 } }];
      expect(await code(savePath(t.db, actor, pid, stored.id, { version: saved.version, history: bad as never }))).toBe(
        'invalid',
      );
      const back = undoLast(p);
      const undone = await savePath(t.db, actor, pid, stored.id, { version: saved.version, history: back.history });
      expect(undone.turns).toEqual(stored.turns);
      expect((await getPath(t.db, actor, pid, stored.id)).path.version).toBe(stored.version + 2);
    });

    it("builds a path by hand and lists it as the curator's", async () => {
      const g = await listPaths(t.db, actor, pid, { limit: 1 });
      const call = g.paths[0].turns.find((x) => x.calls.length)!.calls[0];
      const made = await createPath(t.db, actor, pid, {
        name: 'by hand',
        history: [
          {
            op: 'edit',
            params: { action: 'add_call', turn: 0, at: 0, newTurn: true, functionId: call.functionId, name: call.name },
          },
        ],
      });
      expect(made).toMatchObject({ origin: 'curator', name: 'by hand', seed: null, turnCount: 1, callCount: 1 });
      const mine = await listPaths(t.db, actor, pid, { origin: 'curator' });
      expect(mine.paths.map((x) => x.id)).toEqual([made.id]);
      expect(mine.paths[0].ordinal).toBeGreaterThan(600);
    });

    it('deletes by id and by filter; a viewer may not; nothing to walk is a clear error', async () => {
      const some = await listPaths(t.db, actor, pid, { limit: 3 });
      expect((await deletePaths(t.db, actor, pid, { ids: some.paths.map((x) => x.id) })).deleted).toBe(3);
      const before = (await listPaths(t.db, actor, pid, { scenario: 'miss_func', limit: 1 })).total;
      expect((await deletePaths(t.db, actor, pid, { filter: { scenario: 'miss_func' } })).deleted).toBe(before);
      expect((await listPaths(t.db, actor, pid, { scenario: 'miss_func' })).total).toBe(0);

      const stranger = { userId: 'nobody' } as Actor;
      expect(await code(samplePaths(t.db, stranger, pid, {}))).toBe('forbidden');
      expect(await code(listPaths(t.db, stranger, pid, {}))).toBe('forbidden');

      const bare = await demoProject('No accepted edges', false);
      const e = await samplePaths(t.db, actor, bare, {}).catch((x) => x as AppError);
      expect((e as AppError).message).toMatch(/no function has an accepted outgoing edge/);
      expect((await samplePaths(t.db, actor, bare, { recipe: { count: 10, includeProposed: true } })).sampled).toBe(10);
      expect(await code(samplePaths(t.db, actor, bare, { recipe: { count: 10, merge: 2 } as never }))).toBe('invalid');
      expect(await code(samplePaths(t.db, actor, bare, { recipe: { count: 1, startNodes: ['nope'] } }))).toBe(
        'invalid',
      );
    });
  });
}
