// Kill a worker in the middle of a 200-path run and start it again: every path ends exactly
// once. Real `magnet worker` processes against a real database, translating with an LLM
// teacher served by a local OpenAI-compatible server (so each path takes long enough to be
// caught in flight). SQLite: one worker, killed and restarted. PostgreSQL: two workers on
// pg-boss, one killed and restarted.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAnnouncers } from '@/lib/jobs/backend';
import { getLocalActor, type Actor } from '@/lib/server/actor';
import { seedDemoProject } from '@/lib/server/demo/seed-demo-project';
import { samplePaths } from '@/lib/server/paths/sample-paths';
import { createRun } from '@/lib/server/runs/create-run';
import { getRun } from '@/lib/server/runs/get-run';
import { saveTeacher } from '@/lib/server/teachers/save-teacher';
import { providers, type TestDb } from '../helpers/db';
import { startFakeOpenAI, type FakeServer } from '../teachers/fake-providers';

const root = path.resolve(import.meta.dirname, '..', '..');
const all = await providers();

function worker(url: string, logs: string[]): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'magnet.mjs'), '--db', url, 'worker', '--concurrency', '8'], {
    env: { ...process.env, MAGNET_JOB_STALE_MS: '1500' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d) => logs.push(String(d)));
  child.stdout!.on('data', (d) => logs.push(String(d)));
  return child;
}

const exited = (c: ChildProcess) =>
  c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((res) => c.once('exit', () => res()));

describe.each(all)('a worker killed mid-run on $name', ({ name, make }) => {
  let t: TestDb;
  let actor: Actor;
  let projectId: string;
  let fake: FakeServer;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    t = await make();
    actor = await getLocalActor(t.db);
    projectId = (await seedDemoProject(t.db, actor))!;
    await samplePaths(t.db, actor, projectId, {
      recipeName: 'crash',
      recipe: { count: 200, seed: 'crash', includeProposed: true },
    });
    fake = await startFakeOpenAI({ latencyMs: 15 });
    await saveTeacher(t.db, actor, projectId, {
      name: 'local',
      provider: 'openai-compatible',
      baseURL: fake.baseURL,
      model: 'fake',
      timeoutMs: 10_000,
      maxRetries: 1,
    });
  }, 60_000);
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await fake?.close();
    await closeAnnouncers();
    await t?.drop();
  });

  it('every path ends exactly once', async () => {
    const logs: string[] = [];
    const workers = name === 'postgresql' ? 2 : 1;
    for (let i = 0; i < workers; i++) children.push(worker(t.url, logs));
    const run = await createRun(t.db, actor, projectId, {
      name: 'crash',
      paths: { filter: {} },
      teacher: 'local',
      concurrency: 8,
    });
    expect(run.total).toBe(200);

    const progress = async () => {
      const r = await getRun(t.db, actor, projectId, run.id);
      return { r, ended: r.succeeded + r.failed };
    };
    const waitFor = async (ok: (p: Awaited<ReturnType<typeof progress>>) => boolean, ms: number, what: string) => {
      const until = Date.now() + ms;
      for (;;) {
        const p = await progress();
        if (ok(p)) return p;
        if (Date.now() > until)
          throw new Error(`${what}: still ${p.r.status}, ${p.ended}/200 ended, jobs ${JSON.stringify(p.r.jobs)}\n${logs.join('').slice(-3000)}`);
        await new Promise((res) => setTimeout(res, 100));
      }
    };

    await waitFor((p) => p.ended >= 30 && p.r.jobs.running > 0, 60_000, 'waiting for the run to get going');
    const victim = children[0]!;
    victim.kill('SIGKILL');
    await exited(victim);
    const atKill = await progress();
    expect(atKill.ended).toBeLessThan(200);
    // Its jobs stay locked by a dead worker until the lock goes stale, then a worker takes them.
    await new Promise((res) => setTimeout(res, 500));
    children.push(worker(t.url, logs));

    const end = await waitFor((p) => p.r.status !== 'running' && p.r.status !== 'queued', 120_000, 'waiting for the end');
    expect(end.r.status).toBe('done');
    expect(end.ended).toBe(200);
    expect(end.r.jobs).toMatchObject({ queued: 0, running: 0, cancelled: 0 });
    expect(end.r.jobs.done + end.r.jobs.failed).toBe(200);

    const trajectories = await t.db.trajectory.findMany({ where: { runId: run.id }, select: { pathId: true } });
    expect(trajectories).toHaveLength(200);
    expect(new Set(trajectories.map((x) => x.pathId)).size).toBe(200);
    // The killed worker had paths in flight: another claim finished them.
    const retaken = await t.db.job.count({ where: { runId: run.id, attempts: { gte: 2 } } });
    expect(retaken).toBeGreaterThan(0);
    // Failed paths say why.
    for (const f of end.r.failures) expect(f.error.length).toBeGreaterThan(0);
    console.log(
      `${name}: killed at ${atKill.ended}/200 with ${atKill.r.jobs.running} running; ${retaken} paths taken over; ` +
        `${end.r.succeeded} translated, ${end.r.failed} failed; ${end.r.requests} requests`,
    );
  }, 180_000);
});
