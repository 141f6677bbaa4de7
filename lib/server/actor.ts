// Who is acting, and what they may do in a project.
// The embedded studio has one local curator and no sign-in; every check still goes through
// the memberships table, so a shared server with accounts only has to change how the actor is found.
import type { Db } from '@/lib/db/client';
import { AppError } from './errors';

export interface Actor {
  userId: string;
  email: string;
  name: string;
}

export const ROLES = ['viewer', 'editor', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const LOCAL_USER = { email: 'curator@localhost', name: 'Local curator' };

/** The embedded studio's curator, created on first use. */
export async function getLocalActor(db: Db): Promise<Actor> {
  const user = await db.user.upsert({ where: { email: LOCAL_USER.email }, update: {}, create: LOCAL_USER });
  return { userId: user.id, email: user.email, name: user.name };
}

/** Throws unless the actor's role in the project is at least `need`. Returns the role. */
export async function authorize(db: Db, actor: Actor, projectId: string, need: Role): Promise<Role> {
  const membership = await db.membership.findUnique({
    where: { userId_projectId: { userId: actor.userId, projectId } },
    select: { role: true },
  });
  if (!membership) {
    const exists = await db.project.count({ where: { id: projectId } });
    // Do not reveal whether a project someone cannot see exists.
    throw exists
      ? new AppError('forbidden', 'you are not a member of this project')
      : new AppError('not_found', 'project not found');
  }
  const role = membership.role as Role;
  if (ROLES.indexOf(role) < ROLES.indexOf(need)) {
    throw new AppError('forbidden', `this needs the ${need} role; you are ${role}`);
  }
  return role;
}
