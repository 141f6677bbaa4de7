import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { AppError } from '../errors';
import { JOB_STATUSES, type JobStatus } from './schemas';
import { toRunView, type RunView } from './run-view';
import { pathLabel } from '../paths/path-row';

export interface RunDetail extends RunView {
  jobs: Record<JobStatus, number>;
  /** Paths finished per second over the last minute (or since the start, when shorter). */
  rate: number | null;
  /** Seconds until every path is done at that rate. */
  etaSeconds: number | null;
  /** The latest failures: which path, why. */
  failures: { jobId: string; pathId: string | null; pathName: string; attempts: number; error: string }[];
}

const WINDOW_MS = 60_000;

export async function getRun(db: Db, actor: Actor, projectId: string, runId: string): Promise<RunDetail> {
  await authorize(db, actor, projectId, 'viewer');
  const run = await db.run.findFirst({ where: { id: runId, projectId } });
  if (!run) throw new AppError('not_found', 'run not found');
  const now = Date.now();
  const [groups, recent, failures] = await Promise.all([
    db.job.groupBy({ by: ['status'], where: { runId }, _count: { _all: true } }),
    db.job.count({ where: { runId, finishedAt: { gte: new Date(now - WINDOW_MS) } } }),
    db.job.findMany({
      where: { runId, status: 'failed' },
      orderBy: { finishedAt: 'desc' },
      take: 20,
      select: { id: true, pathId: true, attempts: true, error: true, path: { select: { name: true, ordinal: true } } },
    }),
  ]);
  const jobs = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const g of groups) if (g.status in jobs) jobs[g.status as JobStatus] = g._count._all;
  const remaining = jobs.queued + jobs.running;
  let rate: number | null = null;
  if (run.startedAt && run.status === 'running') {
    const span = Math.min(WINDOW_MS, now - run.startedAt.getTime());
    if (span > 0 && recent > 0) rate = recent / (span / 1000);
  }
  return {
    ...toRunView(run),
    jobs,
    rate,
    etaSeconds: rate && remaining ? Math.round(remaining / rate) : remaining ? null : 0,
    failures: failures.map((f) => ({
      jobId: f.id,
      pathId: f.pathId,
      pathName: f.path ? pathLabel(f.path) : '(path deleted)',
      attempts: f.attempts,
      error: f.error ?? '',
    })),
  };
}
