import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { toTeacherView, type TeacherView } from './teacher-view';

/** The project's LLM teachers (the built-in template teacher is always there besides these). */
export async function listTeachers(db: Db, actor: Actor, projectId: string): Promise<TeacherView[]> {
  await authorize(db, actor, projectId, 'viewer');
  const rows = await db.teacher.findMany({ where: { projectId }, orderBy: { name: 'asc' } });
  return rows.map(toTeacherView);
}
