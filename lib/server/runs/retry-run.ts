import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors';
import { notifyRunCreated } from './run-events';
import { toRunView, type RunView } from './run-view';
import { isActive } from './schemas';

/**
 * Translates a finished run's failed paths again (and, for a cancelled run, the paths it never
 * started). A path that succeeds this time replaces its failed trajectory.
 */
export async function retryRun(db: Db, actor: Actor, projectId: string, runId: string): Promise<RunView> {
  await authorize(db, actor, projectId, 'editor');
  const run = await db.run.findFirst({ where: { id: runId, projectId } });
  if (!run) throw new AppError('not_found', 'run not found');
  if (isActive(run.status)) throw new AppError('conflict', 'the run is still going; retry once it has ended');
  const updated = await db.$transaction(async (tx) => {
    // Claimed inside the transaction: of two retries at once, one re-queues, the other is told.
    const { count } = await tx.run.updateMany({
      where: { id: runId, status: { in: ['done', 'failed', 'cancelled'] } },
      data: { status: 'queued', finishedAt: null, error: null },
    });
    if (!count) throw new AppError('conflict', 'the run was retried or changed just now; reload it');
    const jobs = await tx.job.findMany({
      where: { runId, status: { in: ['failed', 'cancelled'] } },
      select: { id: true, status: true },
    });
    if (!jobs.length) throw new AppError('invalid', 'nothing to retry: every path of this run succeeded');
    const failed = jobs.filter((j) => j.status === 'failed').length;
    await tx.job.updateMany({
      where: { id: { in: jobs.map((j) => j.id) } },
      data: { status: 'queued', attempts: 0, error: null, lockedBy: null, lockedAt: null, finishedAt: null },
    });
    await tx.run.update({ where: { id: runId }, data: { failed: { decrement: failed } } });
    await recordAuditEvent(tx, actor, {
      projectId,
      action: 'run.retry',
      targetType: 'Run',
      targetId: runId,
      after: { paths: jobs.length },
    });
    return { run: await tx.run.findUniqueOrThrow({ where: { id: runId } }), jobs };
  });
  await notifyRunCreated(
    db,
    runId,
    updated.jobs.map((j) => j.id),
  );
  return toRunView(updated.run);
}
