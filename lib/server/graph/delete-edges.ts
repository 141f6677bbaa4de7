import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvents } from '../audit/record-audit-event';
import { invalidInput } from '../errors';
import { edgeSelect, toEdgeView } from './edge-view';
import { deleteEdgesInput } from './schemas';

/** Deletes edges outright. (Rejecting is the way to keep a pair from being proposed again.) */
export async function deleteEdges(db: Db, actor: Actor, projectId: string, input: { ids: string[] }) {
  await authorize(db, actor, projectId, 'editor');
  const parsed = deleteEdgesInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'delete');
  return db.$transaction(async (tx) => {
    const rows = await tx.edge.findMany({ where: { projectId, id: { in: parsed.data.ids } }, select: edgeSelect });
    await tx.edge.deleteMany({ where: { projectId, id: { in: rows.map((r) => r.id) } } });
    await recordAuditEvents(
      tx,
      actor,
      rows.map((row) => ({
        projectId,
        action: 'edge.delete',
        targetType: 'edge',
        targetId: row.id,
        before: toEdgeView(row),
      })),
    );
    return { deleted: rows.length };
  });
}
