// Runs on real databases: jobs claimed and finished exactly once, by one or two workers, after a
// worker that stopped heartbeating, through cancel and retry; trajectories dumped in the
// studio's format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { closeAnnouncers } from '@/lib/jobs/backend';
import { startRunner } from '@/lib/jobs/runner';
import { tableSource } from '@/lib/jobs/sources';
import { checkCall } from '@/lib/magnet/translate';
import { getLocalActor, type Actor } from '@/lib/server/actor';
import { seedDemoProject } from '@/lib/server/demo/seed-demo-project';
import { samplePaths } from '@/lib/server/paths/sample-paths';
import { cancelRun } from '@/lib/server/runs/cancel-run';
import { claimJob } from '@/lib/server/runs/claim-job';
import { createRun } from '@/lib/server/runs/create-run';
import { getRun } from '@/lib/server/runs/get-run';
import { loadRunContext } from '@/lib/server/runs/load-run-context';
import { retryRun } from '@/lib/server/runs/retry-run';
import { translateJob } from '@/lib/server/runs/translate-job';
import { dumpTrajectories } from '@/lib/server/trajectories/dump-trajectories';
import { getTrajectory } from '@/lib/server/trajectories/get-trajectory';
import { listTrajectories } from '@/lib/server/trajectories/list-trajectories';
import type { TrajectoryRecord } from '@/lib/server/trajectories/trajectory-format';
import { saveTeacher } from '@/lib/server/teachers/save-teacher';
import { listTeachers } from '@/lib/server/teachers/list-teachers';
import { createServer } from 'node:http';
import { savePrompt } from '@/lib/server/prompts/save-prompt';
import { listPrompts } from '@/lib/server/prompts/list-prompts';
import { saveExecutorSettings, setFunctionExecutor } from '@/lib/server/runs/executor-settings';
import { providers, type TestDb } from '../helpers/db';
import { startFakeOpenAI } from '../teachers/fake-providers';
import { listenLocal } from '../helpers/http';

const all = await providers();

async function waitForRun(db: Db, actor: Actor, projectId: string, runId: string, ms = 60_000) {
  const until = Date.now() + ms;
  for (;;) {
    const r = await getRun(db, actor, projectId, runId);
    if (r.status !== 'queued' && r.status !== 'running') return r;
    if (Date.now() > until) throw new Error(`run still ${r.status} after ${ms} ms: ${JSON.stringify(r.jobs)}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

async function dump(db: Db, actor: Actor, projectId: string, filter: object = {}) {
  const { count, lines } = await dumpTrajectories(db, actor, projectId, filter);
  const out: TrajectoryRecord[] = [];
  for await (const line of lines()) out.push(JSON.parse(line));
  expect(out).toHaveLength(count);
  return out;
}

afterAll(() => closeAnnouncers());

describe.each(all)('runs on $name', ({ make }) => {
  let t: TestDb;
  let actor: Actor;
  let projectId: string;

  beforeAll(async () => {
    t = await make();
    actor = await getLocalActor(t.db);
    projectId = (await seedDemoProject(t.db, actor))!;
    await samplePaths(t.db, actor, projectId, {
      recipeName: 'runs',
      recipe: { count: 60, seed: 'runs', includeProposed: true },
    });
  }, 60_000);
  afterAll(async () => {
    await closeAnnouncers();
    await t?.drop();
  });

  it('translates every path once with the template teacher and dumps the conversations', async () => {
    const run = await createRun(t.db, actor, projectId, { name: 'all', paths: { filter: {} } });
    expect(run).toMatchObject({ status: 'queued', total: 60, teacher: 'template' });
    const runner = startRunner({ db: t.db, source: tableSource(t.db), pollMs: 20 });
    const done = await waitForRun(t.db, actor, projectId, run.id);
    await runner.stop();
    expect(done.status).toBe('done');
    expect(done.succeeded + done.failed).toBe(60);
    expect(done.jobs).toMatchObject({ queued: 0, running: 0, done: done.succeeded, failed: done.failed });
    // The template teacher and the schema executor on the demo library: every path translates.
    expect(done.failed).toBe(0);

    const records = await dump(t.db, actor, projectId, { runId: run.id });
    expect(records).toHaveLength(60);
    expect(new Set(records.map((r) => r.pathId)).size).toBe(60);
    const params = new Map(
      (await t.db.function.findMany({ where: { projectId }, select: { name: true, parameters: true } })).map((f) => [
        f.name,
        { parameters: f.parameters as Record<string, unknown> },
      ]),
    );
    let calls = 0;
    for (const r of records) {
      expect(r.failure).toBeNull();
      for (const turn of r.turns) {
        expect(turn.status).toBe('ok');
        expect(turn.messages[0]).toMatchObject({ role: 'user' });
        expect(turn.messages[0]!.content.length).toBeGreaterThan(10);
        for (const m of turn.messages)
          if (m.role === 'assistant')
            for (const c of m.tool_calls ?? []) {
              calls++;
              expect(checkCall(c.name, c.arguments, params)).toEqual([]);
              expect(c.output).not.toBeNull();
              expect(turn.tools).toContain(c.name);
            }
        const last = turn.messages[turn.messages.length - 1]!;
        expect(last.role).toBe('assistant');
      }
    }
    expect(calls).toBeGreaterThan(60);

    const page = await listTrajectories(t.db, actor, projectId, { runId: run.id, limit: 5 });
    expect(page.total).toBe(60);
    expect(page.trajectories[0]!.opening.length).toBeGreaterThan(0);
    const one = await getTrajectory(t.db, actor, projectId, page.trajectories[0]!.id);
    expect(one.turns.length).toBe(page.trajectories[0]!.turns);
  }, 60_000);

  it('two workers and a dead one: every path ends exactly once, and the dead worker cannot write', async () => {
    const run = await createRun(t.db, actor, projectId, { paths: { filter: {} }, concurrency: 4 });
    // A worker claims a job and dies: its lock goes stale.
    const firstJob = (await t.db.job.findFirst({ where: { runId: run.id }, orderBy: { createdAt: 'asc' } }))!;
    const ghost = (await claimJob(t.db, firstJob.id, 'ghost'))!;
    expect(ghost).not.toBeNull();
    await t.db.job.update({ where: { id: ghost.id }, data: { lockedAt: new Date(Date.now() - 10_000) } });

    const a = startRunner({ db: t.db, source: tableSource(t.db, 1000), staleMs: 1000, pollMs: 20, workerId: 'a' });
    const b = startRunner({ db: t.db, source: tableSource(t.db, 1000), staleMs: 1000, pollMs: 20, workerId: 'b' });
    const done = await waitForRun(t.db, actor, projectId, run.id);
    await Promise.all([a.stop(), b.stop()]);
    expect(done.status).toBe('done');
    expect(done.succeeded + done.failed).toBe(60);
    const trajectories = await t.db.trajectory.findMany({ where: { runId: run.id }, select: { pathId: true } });
    expect(trajectories).toHaveLength(60);
    expect(new Set(trajectories.map((x) => x.pathId)).size).toBe(60);
    const taken = await t.db.job.findUniqueOrThrow({ where: { id: ghost.id } });
    expect(taken.status).toBe('done');
    expect(taken.attempts).toBe(2);
    // Both workers did some of the work.
    const byWorker = await t.db.job.groupBy({ by: ['status'], where: { runId: run.id }, _count: { _all: true } });
    expect(byWorker).toEqual([{ status: 'done', _count: { _all: 60 } }]);

    // The ghost wakes up and tries to write its result: nothing is written twice.
    const ctx = await loadRunContext(t.db, run.id);
    const outcome = await translateJob(t.db, ctx, ghost, 'ghost', new AbortController().signal);
    expect(outcome).toBe('lost');
    expect(await t.db.trajectory.count({ where: { runId: run.id } })).toBe(60);
    expect((await getRun(t.db, actor, projectId, run.id)).succeeded).toBe(60);
  }, 60_000);

  it('cancel stops a run before its paths start; retry translates them', async () => {
    const paths = await t.db.path.findMany({ where: { projectId }, select: { id: true }, take: 10 });
    const run = await createRun(t.db, actor, projectId, { paths: { ids: paths.map((p) => p.id) } });
    const cancelled = await cancelRun(t.db, actor, projectId, run.id);
    expect(cancelled.status).toBe('cancelled');
    await expect(cancelRun(t.db, actor, projectId, run.id)).rejects.toThrow(/already cancelled/);
    const runner = startRunner({ db: t.db, source: tableSource(t.db), pollMs: 20 });
    await new Promise((res) => setTimeout(res, 300));
    expect(await t.db.trajectory.count({ where: { runId: run.id } })).toBe(0);
    expect((await getRun(t.db, actor, projectId, run.id)).jobs.cancelled).toBe(10);

    const retried = await retryRun(t.db, actor, projectId, run.id);
    expect(retried.status).toBe('queued');
    runner.wake();
    const done = await waitForRun(t.db, actor, projectId, run.id);
    await runner.stop();
    expect(done).toMatchObject({ status: 'done', succeeded: 10, failed: 0 });
    await expect(retryRun(t.db, actor, projectId, run.id)).rejects.toThrow(/nothing to retry/);
  }, 60_000);

  it('a teacher that cannot be reached fails every path with the reason, and nothing hangs', async () => {
    await saveTeacher(t.db, actor, projectId, {
      name: 'nowhere',
      provider: 'openai-compatible',
      baseURL: 'http://127.0.0.1:9/v1',
      model: 'm',
      timeoutMs: 1000,
      maxRetries: 0,
      apiKey: 'sk-test-NEVER-SHOWN',
    });
    const [view] = await listTeachers(t.db, actor, projectId);
    expect(view).toMatchObject({ name: 'nowhere', apiKey: 'stored' });
    expect(JSON.stringify(view)).not.toContain('NEVER-SHOWN');
    const stored = await t.db.teacher.findFirstOrThrow({ where: { projectId, name: 'nowhere' } });
    expect(stored.apiKeyCipher).not.toContain('NEVER-SHOWN');

    const paths = await t.db.path.findMany({ where: { projectId }, select: { id: true }, take: 5 });
    const run = await createRun(t.db, actor, projectId, { paths: { ids: paths.map((p) => p.id) }, teacher: 'nowhere' });
    const runner = startRunner({ db: t.db, source: tableSource(t.db), pollMs: 20 });
    const done = await waitForRun(t.db, actor, projectId, run.id, 30_000);
    await runner.stop();
    expect(done).toMatchObject({ status: 'done', succeeded: 0, failed: 5 });
    expect(done.failures).toHaveLength(5);
    for (const f of done.failures) expect(f.error).toMatch(/^turn 1: write_query failed/);
    const exchanges = await t.db.llmExchange.findMany({ where: { runId: run.id } });
    expect(exchanges.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(exchanges)).not.toContain('NEVER-SHOWN');
    // Failed paths keep their trajectory with the reason.
    const failed = await dump(t.db, actor, projectId, { runId: run.id, outcome: 'failed' });
    expect(failed).toHaveLength(5);
    expect(failed[0]!.turns[0]!.failure).toMatch(/write_query failed/);
  }, 60_000);

  it('a second run of the same paths takes every answer from the cache and pays nothing', async () => {
    const fake = await startFakeOpenAI({ usage: { input: 100, output: 20 } });
    try {
      await saveTeacher(t.db, actor, projectId, {
        name: 'cached',
        provider: 'openai-compatible',
        baseURL: fake.baseURL,
        model: 'fake',
        inputCostPerMTok: 2_000_000,
        outputCostPerMTok: 8_000_000,
      });
      const paths = await t.db.path.findMany({ where: { projectId }, select: { id: true }, take: 6, orderBy: { ordinal: 'asc' } });
      const translate = async () => {
        const run = await createRun(t.db, actor, projectId, { paths: { ids: paths.map((p) => p.id) }, teacher: 'cached' });
        const runner = startRunner({ db: t.db, source: tableSource(t.db), pollMs: 20 });
        const done = await waitForRun(t.db, actor, projectId, run.id);
        await runner.stop();
        return done;
      };
      const first = await translate();
      expect(first).toMatchObject({ status: 'done', succeeded: 6, cacheHits: 0 });
      expect(first.requests).toBe(fake.requests.length);
      expect(first.tokensIn).toBe(100 * first.requests);
      // $2 per million in, $8 per million out.
      expect(first.cost).toBeCloseTo((first.tokensIn * 2 + first.tokensOut * 8) / 1e6, 5);
      const asked = fake.requests.length;
      const second = await translate();
      expect(second).toMatchObject({ status: 'done', succeeded: 6, requests: 0, tokensIn: 0, cost: 0 });
      expect(second.cacheHits).toBe(first.requests);
      expect(fake.requests.length).toBe(asked);
      const strip = (r: TrajectoryRecord) => JSON.stringify(r.turns);
      const a = (await dump(t.db, actor, projectId, { runId: first.id })).map(strip).sort();
      const b = (await dump(t.db, actor, projectId, { runId: second.id })).map(strip).sort();
      expect(b).toEqual(a);
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('an HTTP executor is called only once its host is on the allowlist', async () => {
    const seen: unknown[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push(JSON.parse(body));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ from: 'http', ok: true }));
      });
    });
    const listening = await listenLocal(server);
    try {
      const url = `http://127.0.0.1:${listening.port}/call`;
      const path = (await t.db.path.findFirst({ where: { projectId, callCount: { gte: 1 } }, orderBy: { ordinal: 'asc' } }))!;
      const first = (await t.db.pathTurn.findFirst({ where: { pathId: path.id, kind: 'normal' }, orderBy: { index: 'asc' } }))!;
      const fnId = (first.calls as { functionId: string }[])[0]!.functionId;
      const fn = await t.db.function.findUniqueOrThrow({ where: { id: fnId } });
      const view = await setFunctionExecutor(t.db, actor, projectId, fnId, { kind: 'http', url, headers: { authorization: 'Bearer tool-SECRET' } });
      expect(view).toMatchObject({ kind: 'http', url, method: 'POST', headers: ['authorization'] });

      const run = await createRun(t.db, actor, projectId, { paths: { ids: [path.id] } });
      const runner = startRunner({ db: t.db, source: tableSource(t.db), pollMs: 20 });
      const refused = await waitForRun(t.db, actor, projectId, run.id);
      expect(refused).toMatchObject({ status: 'done', failed: 1 });
      expect(refused.failures[0]!.error).toMatch(/not on the project's executor allowlist/);
      expect(refused.failures[0]!.error).not.toContain('tool-SECRET');
      expect(seen).toHaveLength(0);

      await saveExecutorSettings(t.db, actor, projectId, { allowlist: ['127.0.0.1'] });
      await retryRun(t.db, actor, projectId, run.id);
      runner.wake();
      const done = await waitForRun(t.db, actor, projectId, run.id);
      await runner.stop();
      expect(done).toMatchObject({ status: 'done', succeeded: 1, failed: 0 });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[0]).toMatchObject({ name: fn.name });
      const [record] = await dump(t.db, actor, projectId, { runId: run.id });
      const call = record!.turns.flatMap((x) => x.messages).flatMap((m) => (m.role === 'assistant' ? (m.tool_calls ?? []) : [])).find((c) => c.name === fn.name)!;
      expect(call.output).toEqual({ from: 'http', ok: true });
      expect(call.arguments).toEqual((seen[0] as { arguments: unknown }).arguments);
    } finally {
      await listening.close();
      await t.db.function.updateMany({ where: { projectId }, data: { executor: null as never } });
    }
  }, 60_000);

  it('a project\'s own prompt version is what the teacher is sent, and the run records it', async () => {
    const fake = await startFakeOpenAI();
    try {
      await saveTeacher(t.db, actor, projectId, { name: 'prompted', provider: 'openai-compatible', baseURL: fake.baseURL, model: 'fake' });
      const before = (await listPrompts(t.db, actor, projectId)).find((p) => p.operation === 'write_query')!;
      expect(before.isDefault).toBe(true);
      const custom = `${before.defaultTemplate}\nSpeak like a pirate (house style 7).`;
      const saved = await savePrompt(t.db, actor, projectId, { operation: 'write_query', template: custom });
      expect(saved).toMatchObject({ isDefault: false, template: custom });
      expect(saved.version).toMatch(/^write_query@custom:/);
      await expect(savePrompt(t.db, actor, projectId, { operation: 'write_query', template: custom })).rejects.toThrow(/nothing changed/);

      const path = (await t.db.path.findFirst({ where: { projectId }, orderBy: { ordinal: 'asc' } }))!;
      const run = await createRun(t.db, actor, projectId, { paths: { ids: [path.id] }, teacher: 'prompted' });
      expect(run.config.promptVersions?.write_query).toBe(saved.version);
      const runner = startRunner({ db: t.db, source: tableSource(t.db), pollMs: 20 });
      await waitForRun(t.db, actor, projectId, run.id);
      await runner.stop();
      expect(fake.requests.some((r) => r.prompt.includes('house style 7'))).toBe(true);
      // A prompt saved after a run started does not reach that run's later paths.
      const pinned = await createRun(t.db, actor, projectId, { paths: { ids: [path.id] }, teacher: 'prompted', seed: 'pinned' });
      await savePrompt(t.db, actor, projectId, { operation: 'write_query', template: `${custom} Also: house style 8.` });
      const asked = fake.requests.length;
      const again = startRunner({ db: t.db, source: tableSource(t.db), pollMs: 20 });
      await waitForRun(t.db, actor, projectId, pinned.id);
      await again.stop();
      const sent = fake.requests.slice(asked);
      expect(sent.some((r) => r.prompt.includes('house style 7'))).toBe(true);
      expect(sent.some((r) => r.prompt.includes('house style 8'))).toBe(false);

      const reset = await savePrompt(t.db, actor, projectId, { operation: 'write_query', template: '' });
      expect(reset).toMatchObject({ isDefault: true });
      expect(reset.history.map((h) => h.version)).toEqual([3, 2, 1]);
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('a template run leaves the event loop free: a timer set after the start fires before the run ends', async () => {
    await samplePaths(t.db, actor, projectId, { recipeName: 'busy', recipe: { count: 400, seed: 'busy', includeProposed: true } });
    const recipe = await t.db.recipe.findFirstOrThrow({ where: { projectId, name: 'busy' } });
    const run = await createRun(t.db, actor, projectId, { paths: { filter: { recipeId: recipe.id } }, concurrency: 32 });
    const runner = startRunner({ db: t.db, source: tableSource(t.db), pollMs: 20 });
    // The studio answers HTTP requests on the same event loop as its worker.
    const seen = await new Promise<{ ended: number }>((resolve) =>
      setTimeout(async () => {
        const r = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
        resolve({ ended: r.succeeded + r.failed });
      }, 50),
    );
    const done = await waitForRun(t.db, actor, projectId, run.id);
    await runner.stop();
    expect(done.succeeded).toBe(400);
    expect(seen.ended).toBeLessThan(400);
  }, 60_000);

  it('cancel in the middle: paths in flight are abandoned and nothing more is written', async () => {
    const fake = await startFakeOpenAI({ latencyMs: 30 });
    try {
      await saveTeacher(t.db, actor, projectId, { name: 'slow', provider: 'openai-compatible', baseURL: fake.baseURL, model: 'fake' });
      const run = await createRun(t.db, actor, projectId, { paths: { filter: {} }, teacher: 'slow', concurrency: 4 });
      const runner = startRunner({ db: t.db, source: tableSource(t.db), pollMs: 20 });
      for (;;) {
        const r = await getRun(t.db, actor, projectId, run.id);
        if (r.succeeded + r.failed >= 3 && r.jobs.running > 0) break;
        await new Promise((res) => setTimeout(res, 20));
      }
      await cancelRun(t.db, actor, projectId, run.id);
      const atCancel = await t.db.trajectory.count({ where: { runId: run.id } });
      await new Promise((res) => setTimeout(res, 500));
      await runner.stop();
      const after = await getRun(t.db, actor, projectId, run.id);
      expect(after.status).toBe('cancelled');
      expect(await t.db.trajectory.count({ where: { runId: run.id } })).toBe(atCancel);
      expect(after.succeeded + after.failed).toBe(atCancel);
      expect(after.jobs.cancelled).toBe(after.total - atCancel);
      expect(after.jobs.running + after.jobs.queued).toBe(0);
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('teachers: key variables must look like keys, and a stored key does not follow a new endpoint', async () => {
    const base = { provider: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1', model: 'm' } as const;
    for (const apiKeyEnv of ['DATABASE_URL', 'MAGNET_SECRET_KEY', 'HOME'])
      await expect(saveTeacher(t.db, actor, projectId, { ...base, name: `env-${apiKeyEnv}`, apiKeyEnv })).rejects.toThrow(
        /apiKeyEnv/,
      );
    const ok = await saveTeacher(t.db, actor, projectId, { ...base, name: 'env-ok', apiKeyEnv: 'OPENAI_API_KEY' });
    expect(ok.apiKeyEnv).toBe('OPENAI_API_KEY');

    const sealed = await saveTeacher(t.db, actor, projectId, { ...base, name: 'sealed', apiKey: 'sk-test-MOVE' });
    await expect(
      saveTeacher(t.db, actor, projectId, { ...base, name: 'sealed', baseURL: 'http://elsewhere.example/v1', version: sealed.version }, sealed.id),
    ).rejects.toThrow(/enter the API key again/);
    const moved = await saveTeacher(
      t.db,
      actor,
      projectId,
      { ...base, name: 'sealed', baseURL: 'http://elsewhere.example/v1', apiKey: 'sk-test-NEW', version: sealed.version },
      sealed.id,
    );
    expect(moved).toMatchObject({ apiKey: 'stored', baseURL: 'http://elsewhere.example/v1' });
  });

  it('two retries at once: one re-queues, the other is told, and the counters stay right', async () => {
    const paths = await t.db.path.findMany({ where: { projectId }, select: { id: true }, take: 4 });
    const run = await createRun(t.db, actor, projectId, { paths: { ids: paths.map((p) => p.id) }, teacher: 'nowhere' });
    const runner = startRunner({ db: t.db, source: tableSource(t.db), pollMs: 20 });
    const failed = await waitForRun(t.db, actor, projectId, run.id, 30_000);
    await runner.stop();
    expect(failed).toMatchObject({ failed: 4 });
    const both = await Promise.allSettled([retryRun(t.db, actor, projectId, run.id), retryRun(t.db, actor, projectId, run.id)]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(String((both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(/retried or changed just now/);
    const after = await getRun(t.db, actor, projectId, run.id);
    expect(after).toMatchObject({ status: 'queued', failed: 0 });
    expect(after.jobs.queued).toBe(4);
    await cancelRun(t.db, actor, projectId, run.id);
  }, 60_000);
});
