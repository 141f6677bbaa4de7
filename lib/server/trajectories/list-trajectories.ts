import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { invalidInput } from '../errors';
import { listTrajectoriesInput } from './schemas';
import { trajectoryWhere } from './trajectory-where';
import { pathLabel } from '../paths/path-row';

export interface TrajectorySummary {
  id: string;
  pathId: string | null;
  pathName: string | null;
  runId: string | null;
  kind: string;
  status: string;
  failure: string | null;
  turns: number;
  /** The first user message, to tell conversations apart in a list. */
  opening: string;
  createdAt: string;
}

export async function listTrajectories(
  db: Db,
  actor: Actor,
  projectId: string,
  input: unknown = {},
): Promise<{ trajectories: TrajectorySummary[]; total: number }> {
  await authorize(db, actor, projectId, 'viewer');
  const parsed = listTrajectoriesInput.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error, 'trajectory filter');
  const where = trajectoryWhere(projectId, parsed.data);
  const [rows, total] = await Promise.all([
    db.trajectory.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: parsed.data.offset,
      take: parsed.data.limit,
      select: {
        id: true,
        pathId: true,
        runId: true,
        kind: true,
        status: true,
        failure: true,
        createdAt: true,
        path: { select: { name: true, ordinal: true } },
        _count: { select: { turns: true } },
        turns: {
          where: { index: 0 },
          select: { messages: { where: { index: 0 }, select: { content: true } } },
        },
      },
    }),
    db.trajectory.count({ where }),
  ]);
  return {
    total,
    trajectories: rows.map((r) => ({
      id: r.id,
      pathId: r.pathId,
      pathName: r.path ? pathLabel(r.path) : null,
      runId: r.runId,
      kind: r.kind,
      status: r.status,
      failure: r.failure,
      turns: r._count.turns,
      opening: r.turns[0]?.messages[0]?.content ?? '',
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
