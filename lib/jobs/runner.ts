// A worker: claims jobs of active runs, translates their paths with bounded concurrency (the
// run's own and the worker's), heartbeats the locks it holds, takes over jobs whose worker
// died, and on stop abandons what is in flight and puts it back in the queue.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { isAppError } from '@/lib/server/errors';
import {
  claimJob,
  claimLock,
  DEFAULT_STALE_MS,
  finishRunIfComplete,
  heartbeat,
  unannouncedJobs,
  requeueStaleJobs,
  type ClaimedJob,
} from '@/lib/server/runs/claim-job';
import { loadRunContext, type RunContext } from '@/lib/server/runs/load-run-context';
import { activeStatus, type RunConfig } from '@/lib/server/runs/schemas';
import { translateJob, type JobOutcome } from '@/lib/server/runs/translate-job';
import type { JobSource } from './sources';
import { errorMessage } from '@/lib/error-message';

export interface RunnerOptions {
  db: Db;
  source: JobSource;
  workerId?: string;
  /** Jobs in flight in this worker, over all runs (default 32). */
  concurrency?: number;
  pollMs?: number;
  staleMs?: number;
  /** How long a run's loaded settings (teacher, executors, allowlist) are used before reloading. */
  contextTtlMs?: number;
  /** Only these runs (the CLI's `translate` works on its own run). */
  runIds?: readonly string[];
  log?: (line: string) => void;
  onOutcome?: (outcome: JobOutcome, jobId: string) => void;
}

export interface Runner {
  workerId: string;
  /** Looks for work now instead of at the next poll. */
  wake(): void;
  /** Abandons jobs in flight (they go back to the queue) and stops. */
  stop(): Promise<void>;
  inFlight(): number;
}

interface Flight {
  runId: string;
  lock: string;
  controller: AbortController;
  done: Promise<void>;
}

export function defaultWorkerId() {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function startRunner(opts: RunnerOptions): Runner {
  const { db, source } = opts;
  const workerId = opts.workerId ?? defaultWorkerId();
  const concurrency = Math.max(1, opts.concurrency ?? 32);
  const pollMs = opts.pollMs ?? 500;
  const staleMs = opts.staleMs ?? DEFAULT_STALE_MS;
  const contextTtlMs = opts.contextTtlMs ?? 30_000;
  const log = opts.log ?? (() => {});
  const flights = new Map<string, Flight>();
  const contexts = new Map<string, { at: number; ctx: Promise<RunContext> }>();
  /** Runs whose settings failed to load for a passing reason: not tried again before this time. */
  const backoff = new Map<string, number>();
  const seenRuns = new Set<string>();
  let claims = 0;
  let stopping = false;
  let wakeUp: (() => void) | null = null;
  let lastBeat = 0;
  let lastSweep = 0;

  const wake = () => {
    wakeUp?.();
    wakeUp = null;
  };
  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(t);
        resolve();
      };
    });

  /** The run's context, reloaded after contextTtlMs so changed settings reach a long run. */
  function contextOf(runId: string) {
    const held = contexts.get(runId);
    if (held && Date.now() - held.at < contextTtlMs) return held.ctx;
    // The exchange log (its buffer and the cache's hashes) carries over to the reloaded context.
    const ctx = (held?.ctx ?? Promise.reject()).catch(() => undefined).then((prev) => loadRunContext(db, runId, prev));
    contexts.set(runId, { at: Date.now(), ctx });
    ctx.catch(() => contexts.get(runId)?.ctx === ctx && contexts.delete(runId));
    return ctx;
  }

  /** The run cannot work as configured (its teacher is gone, its key is missing): say so and stop it. */
  async function failRun(runId: string, error: string) {
    log(`run ${runId} cannot go on: ${error}`);
    // Jobs others are translating finish as they are; only what has not started is dropped.
    await db.job.updateMany({ where: { runId, status: 'queued' }, data: { status: 'cancelled' } });
    await db.run.updateMany({
      where: { id: runId, status: activeStatus() },
      data: { status: 'failed', error, finishedAt: new Date() },
    });
  }

  function fly(runId: string, ctx: RunContext, job: ClaimedJob, lock: string, ack: () => Promise<void>) {
    const controller = new AbortController();
    const done = translateJob(db, ctx, job, lock, controller.signal)
      .then(async (outcome) => {
        // Queued again after an error: a queue that delivers job ids must hear of it.
        if (outcome === 'retry') await source.announce(runId, [job.id]);
        opts.onOutcome?.(outcome, job.id);
      })
      .catch((e) => log(`job ${job.id}: ${errorMessage(e)}`))
      .finally(async () => {
        if (flights.get(job.id)?.lock === lock) flights.delete(job.id);
        await ack().catch(() => undefined);
        wake();
      });
    flights.set(job.id, { runId, lock, controller, done });
  }

  /** pg-boss: jobs nobody will be told about again (a dead worker's, a lost announcement) are announced. */
  async function reconcile() {
    const stale = await requeueStaleJobs(db, staleMs);
    const lost = await unannouncedJobs(db, staleMs);
    const byRun = new Map<string, string[]>();
    for (const s of [...stale, ...lost]) byRun.set(s.runId, [...(byRun.get(s.runId) ?? []), s.id]);
    for (const [runId, ids] of byRun) {
      log(`run ${runId}: ${ids.length} jobs back in the queue`);
      await source.announce(runId, ids).catch((e) => log(`run ${runId}: announcing failed: ${errorMessage(e)}`));
    }
  }

  async function tick() {
    const now = Date.now();
    if (now - lastBeat > staleMs / 3) {
      lastBeat = now;
      await heartbeat(
        db,
        [...flights.values()].map((f) => f.lock),
      );
    }
    if (source.kind === 'pg-boss' && now - lastSweep > staleMs / 2) {
      lastSweep = now;
      await reconcile();
    }
    const runs = await db.run.findMany({
      where: { status: activeStatus(), ...(opts.runIds && { id: { in: [...opts.runIds] } }) },
      select: { id: true, config: true, status: true },
      orderBy: { createdAt: 'asc' },
    });
    const active = new Set(runs.map((r) => r.id));
    // A cancelled (or finished) run: drop what is in flight for it, its context and its queue.
    for (const f of flights.values()) if (!active.has(f.runId)) f.controller.abort(new Error('run cancelled'));
    for (const runId of contexts.keys()) if (!active.has(runId)) contexts.delete(runId);
    for (const runId of seenRuns)
      if (!active.has(runId) && ![...flights.values()].some((f) => f.runId === runId)) {
        seenRuns.delete(runId);
        await source.forget(runId).catch(() => undefined);
      }

    let started = 0;
    for (const run of runs) {
      const free = concurrency - flights.size;
      if (free <= 0) break;
      if ((backoff.get(run.id) ?? 0) > Date.now()) continue;
      seenRuns.add(run.id);
      const mine = [...flights.values()].filter((f) => f.runId === run.id).length;
      const cap = Math.min(free, Math.max(1, (run.config as unknown as RunConfig).concurrency ?? 4) - mine);
      if (cap <= 0) continue;
      const tickets = await source.take(run.id, cap, new Set(flights.keys()));
      if (!tickets.length) {
        // Nothing left to claim: whoever finished last may have missed the moment the run ended.
        if (!mine) await finishRunIfComplete(db, run.id);
        continue;
      }
      let ctx: RunContext;
      try {
        ctx = await contextOf(run.id);
      } catch (e) {
        // A settings problem (invalid) ends the run with its reason; anything else may pass.
        if (isAppError(e)) await failRun(run.id, e.message);
        else {
          log(`run ${run.id}: ${errorMessage(e)} (trying again shortly)`);
          backoff.set(run.id, Date.now() + Math.min(staleMs, 10_000));
        }
        await Promise.all(tickets.map((t) => t.ack().catch(() => undefined)));
        continue;
      }
      for (const t of tickets) {
        // A second delivery of a job this worker is translating: not claimed again.
        if (flights.has(t.jobId)) {
          await t.ack();
          continue;
        }
        const lock = claimLock(workerId, ++claims);
        const job = await claimJob(db, t.jobId, lock, staleMs, { runStarted: run.status === 'running' });
        if (!job) {
          await t.ack();
          continue;
        }
        fly(run.id, ctx, job, lock, t.ack);
        started++;
      }
    }
    return started;
  }

  const loop = (async () => {
    while (!stopping) {
      let started = 0;
      try {
        started = await tick();
      } catch (e) {
        log(`worker: ${errorMessage(e)}`);
      }
      if (stopping) break;
      // Busy and full: wait for a job to end. Otherwise poll again soon (never without letting
      // other work in: the studio answers requests on this event loop).
      await idle(started > 0 && flights.size < concurrency ? 1 : pollMs);
    }
  })();

  return {
    workerId,
    wake,
    inFlight: () => flights.size,
    async stop() {
      stopping = true;
      wake();
      await loop;
      const held = [...flights.values()];
      for (const f of held) f.controller.abort(new Error('worker stopping'));
      await Promise.all(held.map((f) => f.done));
      await Promise.all(
        [...contexts.values()].map((c) => c.ctx.then((ctx) => ctx.exchanges.flush()).catch(() => undefined)),
      );
      // Abandoned jobs go back to the queue, their attempt not counted.
      const mine = { lockedBy: { startsWith: `${workerId}/` }, status: 'running' };
      const released = await db.job.findMany({ where: mine, select: { id: true, runId: true } });
      if (released.length) {
        await db.job.updateMany({
          where: mine,
          data: { status: 'queued', lockedBy: null, lockedAt: null, attempts: { decrement: 1 } },
        });
        const byRun = new Map<string, string[]>();
        for (const r of released) byRun.set(r.runId, [...(byRun.get(r.runId) ?? []), r.id]);
        for (const [runId, ids] of byRun) await source.announce(runId, ids).catch(() => undefined);
      }
    },
  };
}
