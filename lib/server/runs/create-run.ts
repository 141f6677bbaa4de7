import type { Db } from '@/lib/db/client';
import { bulkInsert } from '@/lib/db/bulk-insert';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { PROMPT_OPERATIONS, promptVersion } from '@/lib/magnet/translate';
import { pathWhere } from '../paths/path-where';
import { latestPromptVersions, loadPromptOverrides } from '../prompts/list-prompts';
import { notifyRunCreated } from './run-events';
import { createRunInput, type RunConfig } from './schemas';
import { toRunView, type RunView } from './run-view';

/**
 * Queues a run: one Job per path (unique per run and path, so a path is never translated twice
 * in a run). Workers pick the jobs up: the studio's in-process runner, `magnet worker`, or
 * `magnet translate` itself.
 */
export async function createRun(db: Db, actor: Actor, projectId: string, input: unknown): Promise<RunView> {
  await authorize(db, actor, projectId, 'editor');
  const parsed = createRunInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'run');
  const { name, paths, teacher, concurrency, repairs, seed } = parsed.data;

  let teacherId: string | null = null;
  let teacherConcurrency = 8;
  if (teacher !== 'template') {
    const row = await db.teacher.findFirst({
      where: { projectId, name: teacher },
      select: { id: true, concurrency: true },
    });
    if (!row) throw new AppError('invalid', `no teacher named "${teacher}": add it in Settings, or use "template"`);
    teacherId = row.id;
    teacherConcurrency = row.concurrency;
  }

  const where =
    'ids' in paths ? { projectId, id: { in: [...new Set(paths.ids)] } } : pathWhere(projectId, paths.filter);
  const rows = await db.path.findMany({ where, select: { id: true }, orderBy: [{ ordinal: 'asc' }, { id: 'asc' }] });
  if ('ids' in paths && rows.length < new Set(paths.ids).size)
    throw new AppError(
      'invalid',
      `${new Set(paths.ids).size - rows.length} of the paths asked for are not in this project`,
    );
  if (!rows.length) throw new AppError('invalid', 'no path matches: sample paths first, or widen the filter');

  const pinned = teacherId ? await latestPromptVersions(db, projectId) : {};
  const overrides = teacherId ? await loadPromptOverrides(db, projectId, pinned) : {};
  const config: RunConfig = {
    teacher,
    // Which prompt each operation used, so a run's data can be traced to its prompts.
    ...(teacherId && {
      promptVersions: Object.fromEntries(PROMPT_OPERATIONS.map((op) => [op, promptVersion(op, overrides)])),
      promptTemplates: pinned,
    }),
    teacherId,
    concurrency: concurrency ?? (teacher === 'template' ? 4 : teacherConcurrency),
    repairs,
    ...(seed && { seed }),
  };
  const run = await db.$transaction(async (tx) => {
    const created = await tx.run.create({
      data: { projectId, kind: 'translate', name, teacher, config: config as never, total: rows.length },
    });
    await bulkInsert(
      db,
      tx,
      { table: 'Job', columns: ['runId', 'pathId', 'status', 'attempts'] },
      rows.map((r) => ({ runId: created.id, pathId: r.id, status: 'queued', attempts: 0 })),
    );
    await recordAuditEvent(tx, actor, {
      projectId,
      action: 'run.create',
      targetType: 'Run',
      targetId: created.id,
      after: { name, teacher, paths: rows.length },
    });
    return created;
  });
  await notifyRunCreated(db, run.id);
  return toRunView(run);
}
