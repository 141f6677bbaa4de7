// A path between its two shapes: the core's SamplePath (turns + history) and the Path /
// PathTurn rows, with the summary columns (counts and "|a|b|" indexes) the lists filter on.
// This is the only writer of those columns, so they always agree with the turns.
import type { Prisma } from '@/lib/db/client';
import type { PathOperation, PathTurn, PathTurnKind, SamplePath } from '@/lib/magnet/paths';

export const pathSelect = {
  id: true,
  ordinal: true,
  origin: true,
  name: true,
  recipeId: true,
  seed: true,
  recipe: true,
  history: true,
  stopReason: true,
  turnCount: true,
  callCount: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  turns: {
    orderBy: { index: 'asc' },
    select: {
      index: true,
      kind: true,
      calls: true,
      withheld: true,
      missing: true,
      availableFromTurn: true,
      dependsOnTurn: true,
    },
  },
} satisfies Prisma.PathSelect;

type PathRecord = Prisma.PathGetPayload<{ select: typeof pathSelect }>;

export interface PathView {
  id: string;
  ordinal: number;
  origin: 'sampled' | 'curator';
  name: string;
  recipeId: string | null;
  seed: string | null;
  recipe: unknown;
  stopReason: string | null;
  turnCount: number;
  callCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  turns: PathTurn[];
  history: PathOperation[];
}

const index = (values: Iterable<string>) => {
  const set = [...new Set(values)];
  return set.length ? `|${set.join('|')}|` : '';
};

/** The summary columns of a path. */
export function pathColumns(path: SamplePath) {
  const ids: string[] = [];
  for (const t of path.turns) {
    for (const c of t.calls) ids.push(c.functionId);
    if (t.withheld) ids.push(t.withheld.functionId);
  }
  return {
    history: path.history as unknown as Prisma.InputJsonValue,
    stopReason: path.stopReason,
    turnCount: path.turns.length,
    callCount: path.turns.reduce((n, t) => n + t.calls.length, 0),
    functionIndex: index(ids),
    operationIndex: index(path.history.map((o) => o.op)),
    kindIndex: index(path.turns.map((t) => t.kind)),
  };
}

/** PathTurn rows (without pathId) for a path's turns. */
export function turnRows(path: SamplePath) {
  return path.turns.map((t, i) => ({
    index: i,
    kind: t.kind,
    calls: t.calls.map((c) =>
      c.nested ? { functionId: c.functionId, name: c.name, nested: true } : { functionId: c.functionId, name: c.name },
    ),
    withheld: t.withheld ?? null,
    missing: t.missing ?? null,
    availableFromTurn: t.availableFromTurn ?? null,
    dependsOnTurn: t.dependsOnTurn ?? null,
  }));
}

function toTurn(r: PathRecord['turns'][number]): PathTurn {
  const t: PathTurn = { kind: r.kind as PathTurnKind, calls: r.calls as unknown as PathTurn['calls'] };
  if (r.withheld) t.withheld = r.withheld as unknown as PathTurn['withheld'];
  if (r.missing) t.missing = r.missing as unknown as PathTurn['missing'];
  if (r.availableFromTurn !== null) t.availableFromTurn = r.availableFromTurn;
  if (r.dependsOnTurn !== null) t.dependsOnTurn = r.dependsOnTurn;
  return t;
}

export function toPathView(r: PathRecord): PathView {
  return {
    id: r.id,
    ordinal: r.ordinal,
    origin: r.origin === 'curator' ? 'curator' : 'sampled',
    name: r.name,
    recipeId: r.recipeId,
    seed: r.seed,
    recipe: r.recipe,
    stopReason: r.stopReason,
    turnCount: r.turnCount,
    callCount: r.callCount,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    turns: r.turns.map(toTurn),
    history: r.history as unknown as PathOperation[],
  };
}

/** The core's shape of a stored path. */
export const toSamplePath = (v: Pick<PathView, 'turns' | 'history' | 'stopReason' | 'seed'>): SamplePath => ({
  turns: v.turns,
  history: v.history,
  stopReason: v.stopReason,
  seed: v.seed ?? '',
});

/** How a path is named where it is listed: its name, else its place in the project. */
export const pathLabel = (p: { name: string; ordinal: number }) => p.name || `path #${p.ordinal}`;
