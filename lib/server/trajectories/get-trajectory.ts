import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { AppError } from '../errors';
import { toTrajectoryRecord, trajectorySelect, type TrajectoryRecord } from './trajectory-format';

export async function getTrajectory(db: Db, actor: Actor, projectId: string, id: string): Promise<TrajectoryRecord> {
  await authorize(db, actor, projectId, 'viewer');
  const row = await db.trajectory.findFirst({ where: { id, projectId }, select: trajectorySelect });
  if (!row) throw new AppError('not_found', 'trajectory not found');
  return toTrajectoryRecord(row);
}
