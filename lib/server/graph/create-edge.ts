import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { edgeSelect, toEdgeView } from './edge-view';
import { createEdgeInput, type CreateEdgeInput } from './schemas';

/** A curator draws an edge (or an undo restores one). An existing edge for the pair is overwritten. */
export async function createEdge(db: Db, actor: Actor, projectId: string, input: CreateEdgeInput) {
  await authorize(db, actor, projectId, 'editor');
  const parsed = createEdgeInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'edge');
  const { fromId, toId, mapping, ...fields } = parsed.data;
  if (fromId === toId) throw new AppError('conflict', 'an edge needs two different functions');
  const found = await db.function.count({ where: { projectId, id: { in: [fromId, toId] } } });
  if (found !== 2) throw new AppError('not_found', 'both functions must exist in this project');
  return db.$transaction(async (tx) => {
    const before = await tx.edge.findUnique({
      where: { projectId_fromId_toId: { projectId, fromId, toId } },
      select: edgeSelect,
    });
    const data = { ...fields, mapping: mapping ?? undefined };
    const edge = before
      ? await tx.edge.update({
          where: { id: before.id },
          data: { ...data, version: { increment: 1 } },
          select: edgeSelect,
        })
      : await tx.edge.create({ data: { projectId, fromId, toId, ...data }, select: edgeSelect });
    await recordAuditEvent(tx, actor, {
      projectId,
      action: before ? 'edge.update' : 'edge.create',
      targetType: 'edge',
      targetId: edge.id,
      before: before ? toEdgeView(before) : undefined,
      after: toEdgeView(edge),
    });
    return toEdgeView(edge);
  });
}
