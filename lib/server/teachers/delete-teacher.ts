import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors';
import { toTeacherView } from './teacher-view';

/** Removes a teacher. Runs keep its name in their config; their trajectories are untouched. */
export async function deleteTeacher(db: Db, actor: Actor, projectId: string, teacherId: string) {
  await authorize(db, actor, projectId, 'owner');
  const row = await db.teacher.findFirst({ where: { id: teacherId, projectId } });
  if (!row) throw new AppError('not_found', 'teacher not found');
  await db.teacher.delete({ where: { id: teacherId } });
  await recordAuditEvent(db, actor, { projectId, action: 'teacher.delete', targetType: 'Teacher', targetId: row.id, before: toTeacherView(row), after: null });
  return { deleted: 1 };
}
