import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors';
import { notifyRunCreated } from './run-events';
import { toRunView, type RunView } from './run-view';

/**
 * Translates a finished run's failed paths again (and, for a cancelled run, the paths it never
 * started). A path that succeeds this time replaces its failed trajectory.
 */
export async function retryRun(db: Db, actor: Actor, projectId: string, runId: string): Promise<RunView> {
  await authorize(db, actor, projectId, 'editor');
  const run = await db.run.findFirst({ where: { id: runId, projectId } });
  if (!run) throw new AppError('not_found', 'run not found');
  if (run.status === 'queued' || run.status === 'running')
    throw new AppError('conflict', 'the run is still going; retry once it has ended');
  const jobs = await db.job.findMany({
    where: { runId, status: { in: ['failed', 'cancelled'] } },
    select: { id: true, status: true },
  });
  if (!jobs.length) throw new AppError('invalid', 'nothing to retry: every path of this run succeeded');
  const failed = jobs.filter((j) => j.status === 'failed').length;
  const updated = await db.$transaction(async (tx) => {
    await tx.job.updateMany({
      where: { runId, status: { in: ['failed', 'cancelled'] } },
      data: { status: 'queued', attempts: 0, error: null, lockedBy: null, lockedAt: null, finishedAt: null },
    });
    await tx.run.update({
      where: { id: runId },
      data: { status: 'queued', failed: { decrement: failed }, finishedAt: null, error: null },
    });
    await recordAuditEvent(tx, actor, {
      projectId,
      action: 'run.retry',
      targetType: 'Run',
      targetId: runId,
      after: { paths: jobs.length },
    });
    return tx.run.findUniqueOrThrow({ where: { id: runId } });
  });
  await notifyRunCreated(db, runId, jobs.map((j) => j.id));
  return toRunView(updated);
}
