import type { Db } from '@/lib/db/client';
import { authorize, type Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { invalidInput } from '../errors';
import { findPath } from './get-path';
import type { PathView } from './path-row';
import { replayPath } from './replay-path';
import { createPathInput, type CreatePathInput } from './schemas';
import { writePaths } from './write-paths';

/** A path built by hand: empty, or from a history of operations (edits, or a walk and more). */
export async function createPath(
  db: Db,
  actor: Actor,
  projectId: string,
  input: CreatePathInput = {},
): Promise<PathView> {
  await authorize(db, actor, projectId, 'editor');
  const parsed = createPathInput.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error, 'path');
  const path = replayPath(parsed.data.history, '', null);
  const id = await db.$transaction(async (tx) => {
    const {
      ids: [id],
    } = await writePaths(db, tx, projectId, [{ path, origin: 'curator', name: parsed.data.name, seed: null }]);
    await recordAuditEvent(tx, actor, {
      projectId,
      action: 'path.create',
      targetType: 'path',
      targetId: id,
      after: { name: parsed.data.name, turns: path.turns.length },
    });
    return id;
  });
  return findPath(db, projectId, id);
}
