import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { invalidInput } from '../errors';
import { pathSelect, toPathView, type PathView } from './path-row';
import { pathWhere } from './path-where';
import { listPathsInput, type ListPathsInput } from './schemas';

export interface PathPage {
  total: number;
  offset: number;
  limit: number;
  paths: PathView[];
}

/** A page of paths in creation order, with their turns, filtered. */
export async function listPaths(
  db: Db,
  actor: Actor,
  projectId: string,
  input: ListPathsInput = {},
): Promise<PathPage> {
  await authorize(db, actor, projectId, 'viewer');
  const parsed = listPathsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'path filter');
  const { offset, limit, ...filter } = parsed.data;
  const where = pathWhere(projectId, filter);
  const [total, rows] = await Promise.all([
    db.path.count({ where }),
    db.path.findMany({
      where,
      select: pathSelect,
      orderBy: [{ ordinal: 'asc' }, { id: 'asc' }],
      skip: offset,
      take: limit,
    }),
  ]);
  return { total, offset, limit, paths: rows.map(toPathView) };
}
