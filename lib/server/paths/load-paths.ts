import type { Db, Prisma } from '@/lib/db/client';
import type { SamplePath } from '@/lib/magnet/paths';
import { pathSelect, toPathView, toSamplePath } from './path-row';
import { pathWhere } from './path-where';
import type { PathFilter } from './schemas';

// Prisma reads the turns with one IN (...) of the page's path ids, which must stay under its parameter limit.
const PAGE = 500;

/** Every path a filter matches, in creation order, as the core reads them (read in pages). */
export async function loadSamplePaths(db: Db, projectId: string, filter: PathFilter): Promise<SamplePath[]> {
  const where = pathWhere(projectId, filter);
  const out: SamplePath[] = [];
  let cursor: { ordinal: number; id: string } | null = null;
  for (;;) {
    const rows: Prisma.PathGetPayload<{ select: typeof pathSelect }>[] = await db.path.findMany({
      where: cursor
        ? {
            AND: [
              where,
              { OR: [{ ordinal: { gt: cursor.ordinal } }, { ordinal: cursor.ordinal, id: { gt: cursor.id } }] },
            ],
          }
        : where,
      select: pathSelect,
      orderBy: [{ ordinal: 'asc' }, { id: 'asc' }],
      take: PAGE,
    });
    for (const r of rows) out.push(toSamplePath(toPathView(r)));
    if (rows.length < PAGE) return out;
    const last = rows[rows.length - 1]!;
    cursor = { ordinal: last.ordinal, id: last.id };
  }
}
