import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';

/** Counts by status, kind and provenance, and how connected the functions are. */
export async function getGraphStats(db: Db, actor: Actor, projectId: string) {
  await authorize(db, actor, projectId, 'viewer');
  const [functions, byStatus, byKind, byProvenance, accepted] = await Promise.all([
    db.function.count({ where: { projectId } }),
    db.edge.groupBy({ by: ['status'], where: { projectId }, _count: { _all: true } }),
    db.edge.groupBy({ by: ['kind'], where: { projectId, status: { not: 'rejected' } }, _count: { _all: true } }),
    db.edge.groupBy({ by: ['provenance'], where: { projectId }, _count: { _all: true } }),
    db.edge.findMany({ where: { projectId, status: 'accepted' }, select: { fromId: true, toId: true } }),
  ]);
  const count = <K extends string>(rows: ({ _count: { _all: number } } & Record<K, string>)[], key: K) =>
    Object.fromEntries(rows.map((r) => [r[key], r._count._all]));
  const touched = new Set(accepted.flatMap((e) => [e.fromId, e.toId]));
  const edges = byStatus.reduce((n, r) => n + r._count._all, 0);
  return {
    functions,
    edges,
    byStatus: count(byStatus, 'status'),
    byKind: count(byKind, 'kind'),
    byProvenance: count(byProvenance, 'provenance'),
    /** Functions on at least one accepted edge: the ones a path can reach. */
    connectedFunctions: touched.size,
    isolatedFunctions: functions - touched.size,
    acceptedEdgesPerFunction: functions ? +(accepted.length / functions).toFixed(2) : 0,
  };
}
