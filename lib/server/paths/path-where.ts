import type { Prisma } from '@/lib/db/client';
import type { PathFilter } from './schemas';

/** The WHERE of a path filter, on the summary columns path-row.ts writes. */
export function pathWhere(projectId: string, f: PathFilter): Prisma.PathWhereInput {
  const and: Prisma.PathWhereInput[] = [];
  if (f.scenario === 'miss_param' || f.scenario === 'miss_func')
    and.push({ kindIndex: { contains: `|${f.scenario}|` } });
  if (f.scenario === 'any_split')
    and.push({ OR: [{ kindIndex: { contains: '|miss_param|' } }, { kindIndex: { contains: '|miss_func|' } }] });
  if (f.scenario === 'none')
    and.push({ NOT: { kindIndex: { contains: '|miss_param|' } } }, { NOT: { kindIndex: { contains: '|miss_func|' } } });
  for (const op of f.operations ?? []) and.push({ operationIndex: { contains: `|${op}|` } });
  if (f.functionId) and.push({ functionIndex: { contains: `|${f.functionId}|` } });
  return {
    projectId,
    ...(f.recipeId && { recipeId: f.recipeId }),
    ...(f.origin && { origin: f.origin }),
    ...((f.minTurns !== undefined || f.maxTurns !== undefined) && {
      turnCount: {
        ...(f.minTurns !== undefined && { gte: f.minTurns }),
        ...(f.maxTurns !== undefined && { lte: f.maxTurns }),
      },
    }),
    ...(and.length && { AND: and }),
  };
}
