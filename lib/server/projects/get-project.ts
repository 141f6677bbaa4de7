import type { Db } from '@/lib/db/client';
import { authorize, type Actor, type Role } from '../actor';
import { AppError } from '../errors';

/**
 * Finds a project by id or by exact name (the CLI takes either) and checks the actor's role.
 */
export async function getProject(db: Db, actor: Actor, idOrName: string, need: Role = 'viewer') {
  const key = idOrName.trim();
  const project =
    (await db.project.findUnique({ where: { id: key } })) ?? (await db.project.findUnique({ where: { name: key } }));
  if (!project) throw new AppError('not_found', `no project with id or name "${key}"`);
  const role = await authorize(db, actor, project.id, need);
  return { ...project, role };
}
