import type { Db } from '@/lib/db/client';
import { activeStatus } from './schemas';

/** A worker that has not touched its job's lock for this long is taken to be dead. */
export const DEFAULT_STALE_MS = 60_000;
/** Claims after which a job that keeps losing its worker is failed instead of tried again. */
export const MAX_ATTEMPTS = 3;

export interface ClaimedJob {
  id: string;
  runId: string;
  pathId: string | null;
  attempts: number;
}

/** The lock token of one claim. */
export const claimLock = (workerId: string, n: number) => `${workerId}/${n}`;

/**
 * Takes one job under `lock` (a token unique to this claim: `<worker>/<n>`): a queued job, or one
 * whose worker stopped heartbeating. The update is conditional, so of two claims exactly one
 * gets it, and a later claim of the same job, even by the same worker, invalidates the earlier.
 */
export async function claimJob(
  db: Db,
  jobId: string,
  lock: string,
  staleMs = DEFAULT_STALE_MS,
  opts: { runStarted?: boolean } = {},
) {
  const now = new Date();
  const { count } = await db.job.updateMany({
    where: {
      id: jobId,
      run: { status: activeStatus() },
      OR: [{ status: 'queued' }, { status: 'running', lockedAt: { lt: new Date(now.getTime() - staleMs) } }],
    },
    data: { status: 'running', lockedBy: lock, lockedAt: now, startedAt: now, attempts: { increment: 1 } },
  });
  if (!count) return null;
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: { id: true, runId: true, pathId: true, attempts: true, lockedBy: true },
  });
  if (!job || job.lockedBy !== lock) return null;
  if (!opts.runStarted)
    await db.run.updateMany({
      where: { id: job.runId, status: 'queued' },
      data: { status: 'running', startedAt: now },
    });
  return { id: job.id, runId: job.runId, pathId: job.pathId, attempts: job.attempts } satisfies ClaimedJob;
}

/** Keeps the locks of jobs in flight fresh, so no other worker takes them over. */
export async function heartbeat(db: Db, locks: readonly string[]) {
  if (!locks.length) return;
  await db.job.updateMany({
    where: { lockedBy: { in: [...locks] }, status: 'running' },
    data: { lockedAt: new Date() },
  });
}

/** Job ids worth claiming in a run: queued, or held by a worker that stopped heartbeating. */
export async function claimableJobs(db: Db, runId: string, limit: number, staleMs = DEFAULT_STALE_MS) {
  const rows = await db.job.findMany({
    where: {
      runId,
      OR: [{ status: 'queued' }, { status: 'running', lockedAt: { lt: new Date(Date.now() - staleMs) } }],
    },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: limit,
  });
  return rows.map((r) => r.id);
}

/** Jobs whose worker stopped heartbeating, put back in the queue (for queues that deliver job ids). */
export async function requeueStaleJobs(db: Db, staleMs = DEFAULT_STALE_MS) {
  const before = new Date(Date.now() - staleMs);
  const active = { status: activeStatus() };
  const stale = await db.job.findMany({
    where: { status: 'running', lockedAt: { lt: before }, run: active },
    select: { id: true, runId: true },
    take: 10_000,
  });
  if (!stale.length) return [];
  await db.job.updateMany({
    where: { id: { in: stale.map((s) => s.id) }, status: 'running', lockedAt: { lt: before } },
    data: { status: 'queued', lockedBy: null, lockedAt: null },
  });
  return stale;
}

/**
 * Queued jobs of active runs untouched for `staleMs`: their announcement may have been lost (it is
 * sent after the run is stored, and a delivery can die with its worker). They are touched, so the
 * next sweep leaves them alone; a second announcement of a job is harmless.
 */
export async function unannouncedJobs(db: Db, staleMs = DEFAULT_STALE_MS) {
  const before = new Date(Date.now() - staleMs);
  const jobs = await db.job.findMany({
    where: { status: 'queued', updatedAt: { lt: before }, run: { status: activeStatus() } },
    select: { id: true, runId: true },
    take: 10_000,
  });
  if (jobs.length)
    await db.job.updateMany({ where: { id: { in: jobs.map((j) => j.id) }, status: 'queued' }, data: { error: null } });
  return jobs;
}

/** Marks the run done once no job is queued or running (run by each worker after it commits). */
export async function finishRunIfComplete(db: Db, runId: string) {
  await db.run.updateMany({
    where: { id: runId, status: 'running', jobs: { none: { status: activeStatus() } } },
    data: { status: 'done', finishedAt: new Date() },
  });
}
