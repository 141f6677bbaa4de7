import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { invalidInput } from '../errors';
import { trajectoryFilter } from './schemas';
import { loadTrajectoryRecords } from './trajectory-format';
import { trajectoryWhere } from './trajectory-where';

const PAGE = 200;

/**
 * The project's trajectories as JSON lines in the studio's format, in creation order, read a
 * page at a time so 100k trajectories never sit in memory at once.
 */
export async function dumpTrajectories(db: Db, actor: Actor, projectId: string, input: unknown = {}) {
  await authorize(db, actor, projectId, 'viewer');
  const parsed = trajectoryFilter.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error, 'trajectory filter');
  const where = trajectoryWhere(projectId, parsed.data);
  const count = await db.trajectory.count({ where });
  async function* lines(): AsyncGenerator<string> {
    let cursor: string | undefined;
    for (;;) {
      const records = await loadTrajectoryRecords(db, where, { take: PAGE, cursor });
      for (const r of records) yield JSON.stringify(r) + '\n';
      if (records.length < PAGE) return;
      cursor = records[records.length - 1]!.id;
    }
  }
  return { count, lines };
}
