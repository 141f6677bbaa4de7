// Writes new paths and their turns with multi-row INSERTs (a batch of 10,000 paths is ~80,000
// turns; Prisma's createMany would spend seconds building queries for them).
import { randomUUID } from 'node:crypto';
import type { Db, Prisma } from '@/lib/db/client';
import { bulkInsert } from '@/lib/db/bulk-insert';
import type { SamplePath } from '@/lib/magnet/paths';
import { pathColumns, turnRows } from './path-row';

type Tx = Prisma.TransactionClient & Pick<Db, '$executeRawUnsafe'>;

export interface NewPath {
  path: SamplePath;
  origin: 'sampled' | 'curator';
  name?: string;
  recipeId?: string | null;
  recipe?: unknown;
  /** Stored seed; null for paths built by hand. */
  seed: string | null;
}

/** Inserts paths after the project's last ordinal; returns their ids in order and the first ordinal. */
export async function writePaths(
  db: Db,
  tx: Tx,
  projectId: string,
  paths: readonly NewPath[],
): Promise<{ ids: string[]; firstOrdinal: number }> {
  const last = await tx.path.aggregate({ where: { projectId }, _max: { ordinal: true } });
  const first = (last._max.ordinal ?? 0) + 1;
  const ids = paths.map(() => randomUUID());
  await bulkInsert(
    db,
    tx,
    {
      table: 'Path',
      columns: [
        'projectId',
        'ordinal',
        'origin',
        'name',
        'recipeId',
        'seed',
        'recipe',
        'history',
        'stopReason',
        'turnCount',
        'callCount',
        'functionIndex',
        'operationIndex',
        'kindIndex',
        'version',
      ],
      json: ['recipe', 'history'],
    },
    paths.map((p, i) => ({
      id: ids[i],
      projectId,
      ordinal: first + i,
      origin: p.origin,
      name: p.name ?? '',
      recipeId: p.recipeId ?? null,
      seed: p.seed,
      recipe: p.recipe ?? null,
      ...pathColumns(p.path),
      version: 1,
    })),
  );
  await insertTurns(
    db,
    tx,
    paths.map((p, i) => ({ pathId: ids[i], path: p.path })),
  );
  return { ids, firstOrdinal: first };
}

export async function insertTurns(db: Db, tx: Tx, paths: { pathId: string; path: SamplePath }[]): Promise<void> {
  const rows = paths.flatMap(({ pathId, path }) => turnRows(path).map((t) => ({ pathId, ...t })));
  await bulkInsert(
    db,
    tx,
    {
      table: 'PathTurn',
      columns: ['pathId', 'index', 'kind', 'calls', 'withheld', 'missing', 'availableFromTurn', 'dependsOnTurn'],
      json: ['calls', 'withheld', 'missing'],
      timestamps: false,
    },
    rows,
  );
}
