import type { Db } from '@/lib/db/client';
import { pathStats, type PathBatchStats } from '@/lib/magnet/paths';
import { authorize, type Actor } from '../actor';
import { invalidInput } from '../errors';
import { loadSamplePaths } from './load-paths';
import { pathFilter } from './schemas';

/** Figures of the paths a filter matches: lengths, calls per turn, operations, coverage. */
export async function getPathStats(
  db: Db,
  actor: Actor,
  projectId: string,
  input: unknown = {},
): Promise<PathBatchStats> {
  await authorize(db, actor, projectId, 'viewer');
  const parsed = pathFilter.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error, 'path filter');
  const [paths, functions] = await Promise.all([
    loadSamplePaths(db, projectId, parsed.data),
    db.function.findMany({ where: { projectId }, select: { id: true, category: true } }),
  ]);
  return pathStats(paths, functions);
}
