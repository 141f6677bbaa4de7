import type { Db } from '@/lib/db/client';
import type { EdgeKind, EdgeStatus, FieldMapping } from '@/lib/magnet/graph/types';
import type { PathGraph } from '@/lib/magnet/paths';
import { authorize, type Actor } from '../actor';
import { loadGraphFunctions } from '../graph/load-graph-functions';

/** The project's functions (with schemas) and edges, as the sampler and the validator read them. */
export async function loadPathGraph(db: Db, projectId: string): Promise<PathGraph> {
  const [functions, edges] = await Promise.all([
    loadGraphFunctions(db, projectId),
    db.edge.findMany({
      where: { projectId },
      select: { fromId: true, toId: true, kind: true, status: true, mapping: true },
      orderBy: [{ fromId: 'asc' }, { toId: 'asc' }],
    }),
  ]);
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
