import type { Db } from '@/lib/db/client';
import type { JsonSchema } from '@/lib/magnet/functions/types';
import type { GraphFunction } from '@/lib/magnet/graph/types';

/** A project's functions as the pure graph and path code reads them (schemas included). */
export async function loadGraphFunctions(db: Db, projectId: string): Promise<GraphFunction[]> {
  const rows = await db.function.findMany({
    where: { projectId },
    select: { id: true, name: true, description: true, category: true, parameters: true, returns: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({
    ...r,
    parameters: r.parameters as JsonSchema,
    returns: (r.returns as JsonSchema | null) ?? null,
  }));
}
