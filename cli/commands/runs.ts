import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { openSource, staleMs } from '@/lib/jobs/backend';
import { startRunner } from '@/lib/jobs/runner';
import { AppError } from '@/lib/server/errors';
import { getProject } from '@/lib/server/projects/get-project';
import { cancelRun } from '@/lib/server/runs/cancel-run';
import { createRun } from '@/lib/server/runs/create-run';
import { getRun, type RunDetail } from '@/lib/server/runs/get-run';
import { listRuns } from '@/lib/server/runs/list-runs';
import { retryRun } from '@/lib/server/runs/retry-run';
import { dumpTrajectories } from '@/lib/server/trajectories/dump-trajectories';
import type { Db } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { table, withContext, type GlobalOptions } from '../context';
import { isActive } from '@/lib/server/runs/schemas';

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new AppError('invalid', `--${name} must be a whole number, got "${value}"`);
  return n;
}

const seconds = (s: number | null) => (s === null ? '?' : s < 90 ? `${s}s` : `${Math.round(s / 60)}m`);

function runText(r: RunDetail): string {
  const lines = [
    `run ${r.id}${r.name ? ` "${r.name}"` : ''}: ${r.status}`,
    `teacher ${r.teacher}, concurrency ${r.config.concurrency}`,
    `paths ${r.total}: ${r.succeeded} translated, ${r.failed} failed, ${r.jobs.queued} queued, ${r.jobs.running} running, ${r.jobs.cancelled} cancelled`,
    `requests ${r.requests} (${r.cacheHits} from cache), tokens ${r.tokensIn} in / ${r.tokensOut} out, cost $${r.cost.toFixed(4)}`,
  ];
  if (r.error) lines.push(`error: ${r.error}`);
  if (r.failures.length) {
    lines.push('latest failures:');
    for (const f of r.failures) lines.push(`  ${f.pathName}: ${f.error}`);
  }
  return lines.join('\n');
}

/** Works the run in this process until it ends, printing progress to stderr. */
async function workRun(db: Db, actor: Actor, projectId: string, runId: string, concurrency: number, quiet: boolean) {
  const source = await openSource(db);
  const runner = startRunner({ db, source, runIds: [runId], concurrency, staleMs: staleMs(), pollMs: 200 });
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let last = '';
  try {
    for (;;) {
      // Interrupted: the paths in flight go back to the queue (finally) for a worker or a later run.
      if (stopped) {
        await runner.stop();
        const r = await getRun(db, actor, projectId, runId);
        throw new AppError(
          'conflict',
          `interrupted at ${r.succeeded + r.failed}/${r.total}; the rest stays queued (magnet worker, or the studio, goes on with it)`,
        );
      }
      const r = await getRun(db, actor, projectId, runId);
      const line = `${r.succeeded + r.failed}/${r.total} paths (${r.failed} failed), ETA ${seconds(r.etaSeconds)}`;
      if (!quiet && line !== last) process.stderr.write(`${line}\n`);
      last = line;
      if (!isActive(r.status)) return r;
      await new Promise((res) => setTimeout(res, 500));
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await runner.stop();
    await source.close();
  }
}

export function runsCommand(program: Command, globals: () => GlobalOptions) {
  program
    .command('translate')
    .description('translate paths into conversations with a teacher (a run), and wait for it unless --detach')
    .requiredOption('--project <name|id>', 'the project')
    .option('--paths <ids|all>', 'comma-separated path ids, or all', 'all')
    .option('--teacher <name>', 'template (built in) or the name of a teacher from Settings', 'template')
    .option('--concurrency <n>', 'paths translated at once')
    .option('--repairs <n>', 'repair attempts after calls that fail their checks', '1')
    .option('--seed <s>', "seed of the conversations (default: each path's own)")
    .option('--name <name>', 'a name for the run')
    .option('--detach', 'queue the run and return; a worker (the studio or `magnet worker`) translates it')
    .action(
      (opts: {
        project: string;
        paths: string;
        teacher: string;
        concurrency?: string;
        repairs: string;
        seed?: string;
        name?: string;
        detach?: boolean;
      }) =>
        withContext(globals(), async ({ db, actor, json }) => {
          const project = await getProject(db, actor, opts.project, 'editor');
          const ids =
            opts.paths === 'all'
              ? null
              : opts.paths
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean);
          const run = await createRun(db, actor, project.id, {
            name: opts.name,
            paths: ids ? { ids } : { filter: {} },
            teacher: opts.teacher,
            concurrency: int(opts.concurrency, 'concurrency'),
            repairs: int(opts.repairs, 'repairs'),
            seed: opts.seed,
          });
          if (opts.detach) return { json: { run }, text: `run ${run.id} queued: ${run.total} paths` };
          const started = Date.now();
          const done = await workRun(db, actor, project.id, run.id, run.config.concurrency, json);
          const secs = (Date.now() - started) / 1000;
          return { json: { run: done, seconds: secs }, text: `${runText(done)}\ntook ${secs.toFixed(1)} s` };
        }),
    );

  program
    .command('worker')
    .description('translate queued runs until stopped (SIGINT/SIGTERM put jobs in flight back in the queue)')
    .option('--concurrency <n>', 'jobs in flight in this worker', '32')
    .option('--run <id>', 'work on this run only, and exit when it has ended')
    .action((opts: { concurrency: string; run?: string }) =>
      withContext(globals(), async ({ db }) => {
        const source = await openSource(db);
        const runner = startRunner({
          db,
          source,
          concurrency: int(opts.concurrency, 'concurrency'),
          staleMs: staleMs(),
          ...(opts.run && { runIds: [opts.run] }),
          log: (line) => process.stderr.write(`${line}\n`),
        });
        process.stderr.write(`worker ${runner.workerId} (${source.kind}) waiting for runs\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          if (opts.run) {
            const runId = opts.run;
            const check = setInterval(async () => {
              const r = await db.run.findUnique({ where: { id: runId }, select: { status: true } }).catch(() => null);
              if (!r || !isActive(r.status)) {
                clearInterval(check);
                resolve();
              }
            }, 500);
          }
        });
        await runner.stop();
        await source.close();
        return { json: { workerId: runner.workerId, stopped: true }, text: `worker ${runner.workerId} stopped` };
      }),
    );

  const runs = program.command('runs').description('translation runs: list, show, cancel, retry');
  runs
    .command('list')
    .requiredOption('--project <name|id>', 'the project')
    .option('--limit <n>', 'how many, newest first', '50')
    .action((opts: { project: string; limit: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, opts.project);
        const out = await listRuns(db, actor, project.id, { limit: int(opts.limit, 'limit') });
        const rows = out.runs.map((r) => ({
          id: r.id,
          name: r.name,
          status: r.status,
          teacher: r.teacher,
          paths: r.total,
          ok: r.succeeded,
          failed: r.failed,
          tokens: r.tokensIn + r.tokensOut,
          created: r.createdAt.slice(0, 19).replace('T', ' '),
        }));
        return {
          json: out,
          text: table(rows, ['id', 'name', 'status', 'teacher', 'paths', 'ok', 'failed', 'tokens', 'created']),
        };
      }),
    );
  for (const [verb, fn, what] of [
    ['show', getRun, 'a run: counts, tokens, cost, latest failures'],
    ['cancel', cancelRun, 'stop a run (trajectories already written stay)'],
    ['retry', retryRun, 'translate the failed paths of an ended run again (queued; a worker picks it up)'],
  ] as const) {
    runs
      .command(`${verb} <runId>`)
      .description(what)
      .requiredOption('--project <name|id>', 'the project')
      .action((runId: string, opts: { project: string }) =>
        withContext(globals(), async ({ db, actor }) => {
          const project = await getProject(db, actor, opts.project, verb === 'show' ? 'viewer' : 'editor');
          const run = await fn(db, actor, project.id, runId);
          const detail = verb === 'show' ? (run as RunDetail) : await getRun(db, actor, project.id, runId);
          return { json: { run: detail }, text: runText(detail) };
        }),
      );
  }

  program
    .command('trajectories')
    .description('translated conversations')
    .command('dump')
    .description("JSON lines in the studio's format: every turn's kind, query, tool calls, outputs and answer")
    .requiredOption('--project <name|id>', 'the project')
    .option('--run <id>', "only this run's")
    .option('--outcome <o>', 'ok | failed')
    .option('--out <file>', 'write to a file instead of stdout')
    .action((opts: { project: string; run?: string; outcome?: string; out?: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, opts.project);
        const { count, lines } = await dumpTrajectories(db, actor, project.id, {
          ...(opts.run && { runId: opts.run }),
          ...(opts.outcome && { outcome: opts.outcome }),
        });
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        for await (const line of lines()) if (!out.write(line)) await once(out, 'drain');
        if (opts.out) {
          await new Promise<void>((res, rej) =>
            (out as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? rej(e) : res())),
          );
          return { json: { count, out: opts.out }, text: `${count} trajectories written to ${opts.out}` };
        }
        return { json: { count }, text: '' };
      }),
    );
}
