import type { Db } from '@/lib/db/client';
import type { JsonSchema } from '@/lib/magnet/functions/types';
import type { EdgeKind, EdgeStatus, FieldMapping, GraphFunction } from '@/lib/magnet/graph/types';
import type { PathGraph } from '@/lib/magnet/paths';
import { authorize, type Actor } from '../actor';

/** The project's functions (with schemas) and edges, as the sampler and the validator read them. */
export async function loadPathGraph(db: Db, projectId: string): Promise<PathGraph> {
  const [rows, edges] = await Promise.all([
    db.function.findMany({
      where: { projectId },
      select: { id: true, name: true, description: true, category: true, parameters: true, returns: true },
      orderBy: { id: 'asc' },
    }),
    db.edge.findMany({
      where: { projectId },
      select: { fromId: true, toId: true, kind: true, status: true, mapping: true },
      orderBy: [{ fromId: 'asc' }, { toId: 'asc' }],
    }),
  ]);
  const functions: GraphFunction[] = rows.map((r) => ({
    ...r,
    parameters: r.parameters as JsonSchema,
    returns: (r.returns as JsonSchema | null) ?? null,
  }));
  return {
    functions,
    edges: edges.map((e) => ({
      fromId: e.fromId,
      toId: e.toId,
      kind: e.kind as EdgeKind,
      status: e.status as EdgeStatus,
      ...(Array.isArray(e.mapping) && { mapping: e.mapping as unknown as FieldMapping[] }),
    })),
  };
}

/** The path graph for the editor (client-side validation and the function palette). */
export async function getPathGraph(db: Db, actor: Actor, projectId: string): Promise<PathGraph> {
  await authorize(db, actor, projectId, 'viewer');
  return loadPathGraph(db, projectId);
}
