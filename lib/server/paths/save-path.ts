import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidInput } from '../errors';
import { findPath } from './get-path';
import { pathColumns, type PathView } from './path-row';
import { replayPath } from './replay-path';
import { savePathInput, type SavePathInput } from './schemas';
import { insertTurns } from './write-paths';

/**
 * Saves an edited path: its whole history, replayed here into turns. The save names the
 * version it read; if someone saved in between, it is refused (409) and nothing changes.
 */
export async function savePath(
  db: Db,
  actor: Actor,
  projectId: string,
  pathId: string,
  input: SavePathInput,
): Promise<PathView> {
  await authorize(db, actor, projectId, 'editor');
  const parsed = savePathInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, 'path');
  const before = await findPath(db, projectId, pathId);
  const path = replayPath(parsed.data.history, before.seed ?? '', before.stopReason);

  await db.$transaction(async (tx) => {
    const updated = await tx.path.updateMany({
      where: { id: pathId, projectId, version: parsed.data.version },
      data: {
        ...pathColumns(path),
        ...(parsed.data.name !== undefined && { name: parsed.data.name }),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      const now = await tx.path.findUnique({ where: { id: pathId }, select: { version: true } });
      throw new AppError(
        'conflict',
        now
          ? `this path was saved by someone else (version ${now.version}, you read ${parsed.data.version}); reload to see it`
          : 'this path was deleted',
        { currentVersion: now?.version ?? null },
      );
    }
    await tx.pathTurn.deleteMany({ where: { pathId } });
    await insertTurns(db, tx, [{ pathId, path }]);
    await recordAuditEvent(tx, actor, {
      projectId,
      action: 'path.update',
      targetType: 'path',
      targetId: pathId,
      before: { version: before.version, history: before.history.length, turns: before.turnCount },
      after: { version: before.version + 1, history: path.history.length, turns: path.turns.length },
    });
  });
  return findPath(db, projectId, pathId);
}
