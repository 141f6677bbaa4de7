import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { AppError } from '../errors';
import { toView, viewSelect } from './function-row';

export async function getFunction(db: Db, actor: Actor, projectId: string, functionId: string) {
  await authorize(db, actor, projectId, 'viewer');
  const row = await db.function.findFirst({
    where: { id: functionId, projectId },
    select: { ...viewSelect, raw: true, import: { select: { id: true, createdAt: true, files: true } } },
  });
  if (!row) throw new AppError('not_found', 'function not found');
  return {
    ...toView(row),
    raw: row.raw,
    import: row.import
      ? { id: row.import.id, createdAt: row.import.createdAt.toISOString(), files: row.import.files }
      : null,
  };
}
export type FunctionDetail = Awaited<ReturnType<typeof getFunction>>;
