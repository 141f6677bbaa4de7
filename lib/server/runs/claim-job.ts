import type { Db } from '@/lib/db/client';

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

/**
 * Takes one job for `workerId`: a queued one, or one whose worker stopped heartbeating. The
 * update is conditional, so of two workers claiming the same job exactly one gets it.
 */
export async function claimJob(db: Db, jobId: string, workerId: string, staleMs = DEFAULT_STALE_MS) {
  const now = new Date();
  const { count } = await db.job.updateMany({
    where: {
      id: jobId,
      run: { status: { in: ['queued', 'running'] } },
      OR: [{ status: 'queued' }, { status: 'running', lockedAt: { lt: new Date(now.getTime() - staleMs) } }],
    },
    data: { status: 'running', lockedBy: workerId, lockedAt: now, startedAt: now, attempts: { increment: 1 } },
  });
  if (!count) return null;
  const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true, runId: true, pathId: true, attempts: true } });
  if (!job) return null;
  await db.run.updateMany({ where: { id: job.runId, status: 'queued' }, data: { status: 'running', startedAt: now } });
  return job satisfies ClaimedJob;
}

/** Keeps the locks of jobs in flight fresh, so no other worker takes them over. */
export async function heartbeat(db: Db, jobIds: readonly string[], workerId: string) {
  if (!jobIds.length) return;
  await db.job.updateMany({
    where: { id: { in: [...jobIds] }, lockedBy: workerId, status: 'running' },
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
  const stale = await db.job.findMany({
    where: { status: 'running', lockedAt: { lt: new Date(Date.now() - staleMs) }, run: { status: 'running' } },
    select: { id: true, runId: true },
    take: 10_000,
  });
  if (!stale.length) return [];
  await db.job.updateMany({
    where: { id: { in: stale.map((s) => s.id) }, status: 'running', lockedAt: { lt: new Date(Date.now() - staleMs) } },
    data: { status: 'queued', lockedBy: null, lockedAt: null },
  });
  return stale;
}

/** Marks the run done once no job is queued or running (run by each worker after it commits). */
export async function finishRunIfComplete(db: Db, runId: string) {
  await db.run.updateMany({
    where: { id: runId, status: 'running', jobs: { none: { status: { in: ['queued', 'running'] } } } },
    data: { status: 'done', finishedAt: new Date() },
  });
}
