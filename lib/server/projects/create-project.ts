import type { Db } from '@/lib/db/client';
import type { Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { createProjectInput, type CreateProjectInput } from './schemas';

/** Creates a project and makes the actor its owner. */
export async function createProject(db: Db, actor: Actor, input: CreateProjectInput, opts: { isDemo?: boolean } = {}) {
  const parsed = createProjectInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'project');
  const { name, description } = parsed.data;
  if (await db.project.findUnique({ where: { name }, select: { id: true } })) {
    throw new AppError('conflict', `a project named "${name}" already exists`);
  }
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({ data: { name, description, isDemo: opts.isDemo ?? false } });
    await tx.membership.create({ data: { projectId: project.id, userId: actor.userId, role: 'owner' } });
    await recordAuditEvent(tx, actor, {
      projectId: project.id,
      action: 'project.create',
      targetType: 'project',
      targetId: project.id,
      after: { name, description },
    });
    return project;
  });
}
