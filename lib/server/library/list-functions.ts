import { z } from 'zod';
import { providerOf, type Db, type Prisma } from '@/lib/db/client';
import { SOURCE_FORMATS } from '@/lib/magnet/functions/types';
import { authorize, type Actor } from '../actor';
import { invalidInput } from '../errors';
import { toView, viewSelect, type FunctionView } from './function-row';
import { pageFields } from '../page';

export const listFunctionsInput = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.string().max(500).optional(),
  tag: z.string().max(200).optional(),
  source: z.enum([...SOURCE_FORMATS, 'curator']).optional(),
  sort: z.enum(['name', 'category', 'updatedAt']).optional().default('name'),
  order: z.enum(['asc', 'desc']).optional().default('asc'),
  ...pageFields(100_000, 100),
});
export type ListFunctionsInput = z.input<typeof listFunctionsInput>;

export interface FunctionPage {
  total: number;
  offset: number;
  limit: number;
  functions: FunctionView[];
}

export function functionWhere(
  db: Db,
  projectId: string,
  f: z.output<typeof listFunctionsInput>,
): Prisma.FunctionWhereInput {
  // SQLite's LIKE is already case-insensitive for ASCII; PostgreSQL needs it asked for.
  const mode = providerOf(db) === 'postgresql' ? ({ mode: 'insensitive' } as const) : {};
  const where: Prisma.FunctionWhereInput = { projectId };
  if (f.q) {
    where.OR = [
      { name: { contains: f.q, ...mode } },
      { description: { contains: f.q, ...mode } },
      { category: { contains: f.q, ...mode } },
    ];
  }
  if (f.category !== undefined) where.category = f.category;
  if (f.tag) where.tagIndex = { contains: `|${f.tag}|` };
  if (f.source) where.sourceFormat = f.source;
  return where;
}

export async function listFunctions(
  db: Db,
  actor: Actor,
  projectId: string,
  input: ListFunctionsInput = {},
): Promise<FunctionPage> {
  await authorize(db, actor, projectId, 'viewer');
  const parsed = listFunctionsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'filter');
  const f = parsed.data;
  const where = functionWhere(db, projectId, f);
  const [total, rows] = await Promise.all([
    db.function.count({ where }),
    db.function.findMany({
      where,
      select: viewSelect,
      orderBy: [{ [f.sort]: f.order }, { name: 'asc' }],
      skip: f.offset,
      take: f.limit,
    }),
  ]);
  return { total, offset: f.offset, limit: f.limit, functions: rows.map(toView) };
}
