import type { Db } from '@/lib/db/client';
import { pathsToJsonLines } from '@/lib/magnet/paths';
import { authorize, type Actor } from '../actor';
import { invalidInput } from '../errors';
import { loadSamplePaths } from './load-paths';
import { pathFilter } from './schemas';

/**
 * The paths a filter matches as JSON lines (lib/magnet/paths/export.ts), in creation order,
 * with the functions' current names: the same recipe and seed give the same bytes.
 */
export async function exportPaths(
  db: Db,
  actor: Actor,
  projectId: string,
  input: unknown = {},
): Promise<{ count: number; jsonl: string }> {
  await authorize(db, actor, projectId, 'viewer');
  const parsed = pathFilter.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error, 'path filter');
  const [paths, functions] = await Promise.all([
    loadSamplePaths(db, projectId, parsed.data),
    db.function.findMany({ where: { projectId }, select: { id: true, name: true } }),
  ]);
  return { count: paths.length, jsonl: pathsToJsonLines(paths, new Map(functions.map((f) => [f.id, f.name]))) };
}
