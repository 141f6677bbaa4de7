import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors';
import { toRunView, type RunView } from './run-view';
import { activeStatus, isActive } from './schemas';

/**
 * Stops a run: queued paths are not started, paths in flight are abandoned by their worker at its
 * next heartbeat and not written. Trajectories already written stay.
 */
export async function cancelRun(db: Db, actor: Actor, projectId: string, runId: string): Promise<RunView> {
  await authorize(db, actor, projectId, 'editor');
  const run = await db.run.findFirst({ where: { id: runId, projectId } });
  if (!run) throw new AppError('not_found', 'run not found');
  if (!isActive(run.status)) throw new AppError('conflict', `the run is already ${run.status}`);
  const updated = await db.$transaction(async (tx) => {
    // Jobs before the run, the order a worker's commit takes them in (else the two can deadlock).
    await tx.job.updateMany({
      where: { runId, status: activeStatus() },
      data: { status: 'cancelled', lockedBy: null, lockedAt: null },
    });
    await tx.run.updateMany({
      where: { id: runId, status: activeStatus() },
      data: { status: 'cancelled', finishedAt: new Date() },
    });
    await recordAuditEvent(tx, actor, { projectId, action: 'run.cancel', targetType: 'Run', targetId: runId });
    return tx.run.findUniqueOrThrow({ where: { id: runId } });
  });
  return toRunView(updated);
}
