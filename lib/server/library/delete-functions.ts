import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvents } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { toView, viewSelect } from './function-row';

export const deleteFunctionsInput = z.object({ ids: z.array(z.string().min(1)).min(1).max(10_000) });

/** Deletes functions (and, by cascade, their edges); the audit log keeps what was deleted. */
export async function deleteFunctions(
  db: Db,
  actor: Actor,
  projectId: string,
  input: z.input<typeof deleteFunctionsInput>,
) {
  await authorize(db, actor, projectId, 'editor');
  const parsed = deleteFunctionsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'delete');
  const ids = [...new Set(parsed.data.ids)];
  return db.$transaction(async (tx) => {
    const rows = await tx.function.findMany({ where: { projectId, id: { in: ids } }, select: viewSelect });
    if (rows.length !== ids.length)
      throw new AppError(
        'not_found',
        `${ids.length - rows.length} of the functions do not exist in this project; nothing was deleted`,
      );
    await tx.function.deleteMany({ where: { projectId, id: { in: ids } } });
    await recordAuditEvents(
      tx,
      actor,
      rows.map((row) => ({
        projectId,
        action: 'function.delete',
        targetType: 'function',
        targetId: row.id,
        before: toView(row),
      })),
    );
    return { deleted: rows.length };
  });
}
