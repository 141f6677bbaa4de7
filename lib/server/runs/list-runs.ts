import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { invalidInput } from '../errors';
import { listRunsInput } from './schemas';
import { toRunView, type RunView } from './run-view';

/** The project's runs, newest first. */
export async function listRuns(
  db: Db,
  actor: Actor,
  projectId: string,
  input: unknown = {},
): Promise<{ runs: RunView[]; total: number }> {
  await authorize(db, actor, projectId, 'viewer');
  const parsed = listRunsInput.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error, 'run list');
  const [rows, total] = await Promise.all([
    db.run.findMany({
      where: { projectId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: parsed.data.offset,
      take: parsed.data.limit,
    }),
    db.run.count({ where: { projectId } }),
  ]);
  return { runs: rows.map(toRunView), total };
}
