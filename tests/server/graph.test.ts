import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECT, demoLibraryFiles } from '@/lib/magnet/demo/library';
import { getLocalActor, type Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { buildGraph } from '@/lib/server/graph/build-graph';
import { createEdge } from '@/lib/server/graph/create-edge';
import { deleteEdges } from '@/lib/server/graph/delete-edges';
import { getGraph } from '@/lib/server/graph/get-graph';
import { getGraphStats } from '@/lib/server/graph/get-graph-stats';
import { teacherFromEnv } from '@/lib/server/graph/judge-teacher';
import { updateEdges } from '@/lib/server/graph/update-edges';
import { importLibrary } from '@/lib/server/library/import-library';
import { createProject } from '@/lib/server/projects/create-project';
import { createScriptedTeacher } from '@/lib/teachers/scripted';
import { providers, type TestDb } from '../helpers/db';
import { promptPairs, sendChat, startServer } from '../teachers/openai-server';
import { saveTeacher } from '@/lib/server/teachers/save-teacher';

for (const provider of await providers()) {
  describe(`graph use cases on ${provider.name}`, () => {
    let t: TestDb;
    let actor: Actor;
    beforeAll(async () => {
      t = await provider.make();
      actor = await getLocalActor(t.db);
    });
    afterAll(async () => t?.drop());

    const demoProject = async (name: string) => {
      const { id } = await createProject(t.db, actor, { name });
      await importLibrary(t.db, actor, id, { files: demoLibraryFiles(), format: 'bfcl' });
      return id;
    };
    const byName = async (pid: string) => {
      const g = await getGraph(t.db, actor, pid);
      const name = new Map(g.nodes.map((n) => [n.id, n.name]));
      const id = new Map(g.nodes.map((n) => [n.name, n.id]));
      return {
        g,
        id: (n: string) => id.get(n)!,
        edge: (from: string, to: string) => g.edges.find((e) => name.get(e.fromId) === from && name.get(e.toId) === to),
      };
    };

    it('proposes edges by the heuristic, and keeps decisions across rebuilds', async () => {
      const pid = await demoProject(`${DEMO_PROJECT.name} graph`);
      const first = await buildGraph(t.db, actor, pid, { method: 'heuristic' });
      expect(first.proposed).toBeGreaterThan(50);
      let { g, edge } = await byName(pid);
      expect(g.nodes.length).toBe(57);
      const booking = edge('book_flight', 'cancel_booking')!;
      expect(booking).toMatchObject({ status: 'proposed', provenance: 'heuristic' });
      expect(booking.mapping).toContainEqual(expect.objectContaining({ input: 'booking_id' }));
      const other = g.edges.find((e) => e.id !== booking.id)!;

      await updateEdges(t.db, actor, pid, { ids: [booking.id], set: { status: 'accepted' } });
      await updateEdges(t.db, actor, pid, { ids: [other.id], set: { status: 'rejected' } });
      const again = await buildGraph(t.db, actor, pid, { method: 'heuristic' });
      expect(again).toMatchObject({ proposed: 0, updated: 0, removed: 0, kept: 2 });
      ({ g } = await byName(pid));
      expect(g.edges.find((e) => e.id === booking.id)!.status).toBe('accepted');
      expect(g.edges.find((e) => e.id === other.id)!.status).toBe('rejected');
      expect(g.edges.filter((e) => e.fromId === other.fromId && e.toId === other.toId)).toHaveLength(1);
    });

    it('accepts in bulk by confidence, retypes, draws, refuses loops and deletes', async () => {
      const pid = await demoProject('bulk graph');
      await buildGraph(t.db, actor, pid, {});
      const { g, id, edge } = await byName(pid);
      const strong = g.edges.filter((e) => e.confidence >= 0.8).length;
      const bulk = await updateEdges(t.db, actor, pid, {
        filter: { status: 'proposed', minConfidence: 0.8 },
        set: { status: 'accepted' },
      });
      expect(bulk.updated).toBe(strong);
      expect(bulk.edges.every((e) => e.status === 'accepted' && e.version === 2)).toBe(true);

      const e = g.edges[0]!;
      const [retyped] = (await updateEdges(t.db, actor, pid, { ids: [e.id], set: { kind: 'prerequisite' } })).edges;
      expect(retyped!.kind).toBe('prerequisite');

      const drawn = await createEdge(t.db, actor, pid, {
        fromId: id('get_weather_forecast') ?? id('search_flights'),
        toId: id('send_message'),
      });
      expect(drawn).toMatchObject({ status: 'accepted', provenance: 'curator', kind: 'full' });
      await expect(
        createEdge(t.db, actor, pid, { fromId: id('send_message'), toId: id('send_message') }),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect(edge('book_flight', 'cancel_booking')).toBeTruthy();
      expect(await deleteEdges(t.db, actor, pid, { ids: [drawn.id] })).toEqual({ deleted: 1 });

      const stats = await getGraphStats(t.db, actor, pid);
      expect(stats.byStatus.accepted).toBe(strong);
      expect(stats.functions).toBe(57);
      // A curator edge survives a rebuild.
      const kept = await createEdge(t.db, actor, pid, {
        fromId: id('search_flights'),
        toId: id('send_message'),
        kind: 'partial',
      });
      await buildGraph(t.db, actor, pid, {});
      expect((await getGraph(t.db, actor, pid)).edges.find((x) => x.id === kept.id)).toMatchObject({
        provenance: 'curator',
        kind: 'partial',
      });
    });

    it('asks an LLM judge over the same candidates, and caches verdicts by pair', async () => {
      const pid = await demoProject('judged graph');
      let asked = 0;
      const teacher = createScriptedTeacher(
        (pair) => {
          asked++;
          const label =
            pair.to.parameters &&
            JSON.stringify(pair.from.returns ?? {}).includes('booking_id') &&
            pair.to.name.includes('booking')
              ? 'full'
              : 'none';
          return { key: pair.key, label, reason: label === 'full' ? 'booking id flows' : 'unrelated' };
        },
        { model: 'scripted-1' },
      );
      const first = await buildGraph(t.db, actor, pid, { method: 'llm', candidates: 30 }, { teacher });
      expect(first.judge!.asked).toBe(first.candidatePairs);
      expect(first.proposed).toBeGreaterThan(0);
      const { edge } = await byName(pid);
      expect(edge('book_flight', 'cancel_booking')).toMatchObject({
        provenance: 'llm',
        kind: 'full',
        reason: 'judge: booking id flows',
      });

      const before = asked;
      const second = await buildGraph(t.db, actor, pid, { method: 'llm' }, { teacher });
      expect(second.judge).toMatchObject({ asked: 0, cached: second.candidatePairs });
      expect(asked).toBe(before);
      expect(second).toMatchObject({ proposed: 0, removed: 0 });
    });

    it('runs the judge against a local OpenAI-compatible server configured from the environment', async () => {
      const server = await startServer((req, res) => {
        const pairs = promptPairs(req.body);
        const verdicts = pairs.map((p) => ({
          pair: p.n,
          label: p.to.includes('cancel') && p.from.startsWith('book') ? 'full' : 'none',
          reason: 'from the test server',
          mapping: [],
        }));
        sendChat(res, JSON.stringify({ verdicts }));
      });
      try {
        const pid = await demoProject('served judge');
        const teacher = teacherFromEnv({
          MAGNET_JUDGE_BASE_URL: server.baseURL,
          MAGNET_JUDGE_MODEL: 'test-model',
          MAGNET_JUDGE_API_KEY: 'sk-test-secret',
        });
        const r = await buildGraph(t.db, actor, pid, { method: 'llm', candidates: 5 }, { teacher });
        expect(server.requests.length).toBeGreaterThan(0);
        expect(r.judge!.failed).toBe(0);
        expect(r.judge!.inputTokens).toBeGreaterThan(0);
        const { edge } = await byName(pid);
        expect(edge('book_flight', 'cancel_booking')?.provenance).toBe('llm');
        const stored = await t.db.llmExchange.findMany({ where: { operation: 'judge_edges' } });
        expect(stored.length).toBe(server.requests.filter((q) => q.path === '/v1/chat/completions').length);
        expect(JSON.stringify(stored)).not.toContain('sk-test-secret');
      } finally {
        await server.close();
      }
    });

    it('judges with a teacher from Settings, whose stored key never reaches a request record', async () => {
      const server = await startServer((req, res) => {
        const verdicts = promptPairs(req.body).map((p) => ({ pair: p.n, label: 'none', reason: 'no', mapping: [] }));
        sendChat(res, JSON.stringify({ verdicts }));
      });
      try {
        const pid = await demoProject('settings judge');
        await saveTeacher(t.db, actor, pid, {
          name: 'judge',
          provider: 'openai-compatible',
          baseURL: server.baseURL,
          model: 'judge-model',
          apiKey: 'sk-test-STORED',
        });
        const r = await buildGraph(t.db, actor, pid, { method: 'llm', candidates: 3, teacher: 'judge' });
        expect(r.judge!.failed).toBe(0);
        expect(server.requests.length).toBeGreaterThan(0);
        expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-STORED');
        expect(JSON.stringify(await t.db.llmExchange.findMany())).not.toContain('sk-test-STORED');
        await saveTeacher(t.db, actor, pid, { name: 'claude', provider: 'anthropic', model: 'c' });
        await expect(buildGraph(t.db, actor, pid, { method: 'llm', teacher: 'claude' })).rejects.toThrow(
          /OpenAI-compatible/,
        );
        await expect(buildGraph(t.db, actor, pid, { method: 'llm', teacher: 'nobody' })).rejects.toThrow(/no teacher named/);
      } finally {
        await server.close();
      }
    });

    it('explains a missing judge configuration', async () => {
      const e = (() => {
        try {
          teacherFromEnv({});
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toMatch(/MAGNET_JUDGE_BASE_URL/);
    });
  });
}
