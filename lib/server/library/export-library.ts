import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { toMcpToolsList, toOpenAITools } from '@/lib/magnet/functions';
import { authorize, type Actor } from '../actor';
import { invalidInput } from '../errors';
import { functionWhere, listFunctionsInput } from './list-functions';

export const exportLibraryInput = listFunctionsInput.pick({ q: true, category: true, tag: true, source: true }).extend({
  format: z.enum(['openai', 'mcp']).default('openai'),
});

/** The library (or the filtered part of it) as OpenAI tools or an MCP tools/list result. */
export async function exportLibrary(
  db: Db,
  actor: Actor,
  projectId: string,
  input: z.input<typeof exportLibraryInput>,
) {
  await authorize(db, actor, projectId, 'viewer');
  const parsed = exportLibraryInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'export');
  const { format, ...filters } = parsed.data;
  const rows = await db.function.findMany({
    where: functionWhere(db, projectId, { ...filters, sort: 'name', order: 'asc', offset: 0, limit: 1 }),
    select: { name: true, description: true, parameters: true, returns: true, category: true, tags: true },
    orderBy: [{ category: 'asc' }, { name: 'asc' }],
  });
  const fns = rows.map((r) => ({
    ...r,
    parameters: r.parameters as object,
    returns: (r.returns as object | null) ?? null,
    tags: r.tags as string[],
  }));
  return format === 'mcp' ? toMcpToolsList(fns as never) : toOpenAITools(fns as never);
}
