import type { Db, Prisma } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { invalidInput } from '../errors';
import { edgeSelect, toEdgeView, type EdgeView } from './edge-view';
import { updateEdgesInput, type EdgeFilter, type UpdateEdgesInput } from './schemas';

export function edgeWhere(projectId: string, f: EdgeFilter): Prisma.EdgeWhereInput {
  return {
    projectId,
    ...(f.status && { status: f.status }),
    ...(f.kind && { kind: f.kind }),
    ...(f.provenance && { provenance: f.provenance }),
    ...((f.minConfidence !== undefined || f.maxConfidence !== undefined) && {
      confidence: {
        ...(f.minConfidence !== undefined && { gte: f.minConfidence }),
        ...(f.maxConfidence !== undefined && { lt: f.maxConfidence }),
      },
    }),
  };
}

/** Accepts, rejects or retypes edges, one by one (ids) or in bulk (a filter). */
export async function updateEdges(
  db: Db,
  actor: Actor,
  projectId: string,
  input: UpdateEdgesInput,
): Promise<{ updated: number; edges: EdgeView[] }> {
  await authorize(db, actor, projectId, 'editor');
  const parsed = updateEdgesInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'edge change');
  const where =
    'ids' in parsed.data ? { projectId, id: { in: parsed.data.ids } } : edgeWhere(projectId, parsed.data.filter);
  const set = parsed.data.set;
  return db.$transaction(async (tx) => {
    const before = await tx.edge.findMany({ where, select: edgeSelect });
    if (before.length === 0) return { updated: 0, edges: [] };
    const ids = before.map((e) => e.id);
    await tx.edge.updateMany({ where: { id: { in: ids } }, data: { ...set, version: { increment: 1 } } });
    const after = await tx.edge.findMany({ where: { id: { in: ids } }, select: edgeSelect });
    await recordAuditEvent(tx, actor, {
      projectId,
      action: 'edge.update',
      targetType: 'edge',
      targetId: ids.length === 1 ? ids[0] : null,
      before: ids.length === 1 ? toEdgeView(before[0]!) : { count: ids.length, set: Object.keys(set) },
      after: ids.length === 1 ? toEdgeView(after[0]!) : { count: ids.length, ...set },
    });
    return { updated: after.length, edges: after.map(toEdgeView) };
  });
}
