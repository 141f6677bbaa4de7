import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';

export interface LibraryFacets {
  total: number;
  categories: { value: string; count: number }[];
  tags: { value: string; count: number }[];
  sources: { value: string; count: number }[];
}

/** Counts by class/category, tag and source format, for the library's filters. */
export async function getLibraryFacets(db: Db, actor: Actor, projectId: string): Promise<LibraryFacets> {
  await authorize(db, actor, projectId, 'viewer');
  const [categories, sources, tagRows] = await Promise.all([
    db.function.groupBy({
      by: ['category'],
      where: { projectId },
      _count: { _all: true },
      orderBy: { category: 'asc' },
    }),
    db.function.groupBy({
      by: ['sourceFormat'],
      where: { projectId },
      _count: { _all: true },
      orderBy: { sourceFormat: 'asc' },
    }),
    db.function.findMany({ where: { projectId, tagIndex: { not: '' } }, select: { tags: true } }),
  ]);
  const tagCounts = new Map<string, number>();
  for (const row of tagRows) for (const t of row.tags as string[]) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  return {
    total: categories.reduce((n, c) => n + c._count._all, 0),
    categories: categories.map((c) => ({ value: c.category, count: c._count._all })),
    sources: sources.map((s) => ({ value: s.sourceFormat, count: s._count._all })),
    tags: [...tagCounts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
  };
}
