import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { updateProjectInput, type UpdateProjectInput } from './schemas';

export async function updateProject(db: Db, actor: Actor, projectId: string, input: UpdateProjectInput) {
  await authorize(db, actor, projectId, 'owner');
  const parsed = updateProjectInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'project');
  const before = await db.project.findUniqueOrThrow({ where: { id: projectId } });
  if (parsed.data.name && parsed.data.name !== before.name) {
    const clash = await db.project.findUnique({ where: { name: parsed.data.name }, select: { id: true } });
    if (clash) throw new AppError('conflict', `a project named "${parsed.data.name}" already exists`);
  }
  return db.$transaction(async (tx) => {
    const project = await tx.project.update({ where: { id: projectId }, data: parsed.data });
    await recordAuditEvent(tx, actor, {
      projectId,
      action: 'project.update',
      targetType: 'project',
      targetId: projectId,
      before: { name: before.name, description: before.description },
      after: { name: project.name, description: project.description },
    });
    return project;
  });
}
