import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { invalidInput } from '../errors';
import { pathWhere } from './path-where';
import { deletePathsInput, type DeletePathsInput } from './schemas';

/** Deletes paths by id or by filter (their turns go with them). */
export async function deletePaths(
  db: Db,
  actor: Actor,
  projectId: string,
  input: DeletePathsInput,
): Promise<{ deleted: number }> {
  await authorize(db, actor, projectId, 'editor');
  const parsed = deletePathsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'delete');
  const where = 'filter' in parsed.data ? pathWhere(projectId, parsed.data.filter) : { projectId };
  return db.$transaction(
    async (tx) => {
      let count = 0;
      if ('ids' in parsed.data) {
        // In chunks: a statement holds at most a few thousand bound values on SQLite.
        for (let i = 0; i < parsed.data.ids.length; i += 5000)
          count += (await tx.path.deleteMany({ where: { projectId, id: { in: parsed.data.ids.slice(i, i + 5000) } } }))
            .count;
      } else count = (await tx.path.deleteMany({ where })).count;
      await recordAuditEvent(tx, actor, {
        projectId,
        action: 'paths.delete',
        targetType: 'path',
        targetId: 'ids' in parsed.data && parsed.data.ids.length === 1 ? parsed.data.ids[0] : null,
        before: 'ids' in parsed.data ? { ids: parsed.data.ids.slice(0, 1000) } : { filter: parsed.data.filter },
        after: { deleted: count },
      });
      return { deleted: count };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
