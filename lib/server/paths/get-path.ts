import type { Db } from '@/lib/db/client';
import { validatePath, type PathIssue } from '@/lib/magnet/paths';
import { authorize, type Actor } from '../actor';
import { AppError } from '../errors';
import { loadPathGraph } from './load-path-graph';
import { pathSelect, toPathView, toSamplePath, type PathView } from './path-row';

export async function findPath(db: Db, projectId: string, pathId: string): Promise<PathView> {
  const row = await db.path.findFirst({ where: { id: pathId, projectId }, select: pathSelect });
  if (!row) throw new AppError('not_found', `no path ${pathId} in this project`);
  return toPathView(row);
}

/**
 * A path with what the validator finds wrong in it against the current graph. `check: false`
 * skips loading the graph, for callers that validate themselves (the editor does, as you edit).
 */
export async function getPath(
  db: Db,
  actor: Actor,
  projectId: string,
  pathId: string,
  { check = true }: { check?: boolean } = {},
): Promise<{ path: PathView; issues: PathIssue[] | null }> {
  await authorize(db, actor, projectId, 'viewer');
  const path = await findPath(db, projectId, pathId);
  if (!check) return { path, issues: null };
  const graph = await loadPathGraph(db, projectId);
  const maxCallsPerTurn = (path.recipe as { maxCallsPerTurn?: number } | null)?.maxCallsPerTurn;
  return { path, issues: validatePath(toSamplePath(path), graph, { maxCallsPerTurn }) };
}
