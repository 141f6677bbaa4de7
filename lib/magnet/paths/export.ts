// A path as one JSON line: keys in a fixed order (written out below, operation parameters
// sorted), no whitespace, so the same recipe and seed export byte-identical files.
import type { PathTurn, SamplePath } from './types';

/** Current function names by id (a rename since sampling shows in the export); missing ids keep the sampled name. */
export type FunctionNames = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

const nameIn = (names: FunctionNames, id: string, fallback: string): string => {
  const n =
    names instanceof Map
      ? names.get(id)
      : Object.prototype.hasOwnProperty.call(names, id)
        ? (names as Record<string, string>)[id]
        : undefined;
  return typeof n === 'string' ? n : fallback;
};

/** Objects with their keys sorted, recursively; arrays keep their order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

function turnRecord(turn: PathTurn, index: number, names: FunctionNames): Record<string, unknown> {
  const out: Record<string, unknown> = {
    index,
    kind: turn.kind,
    calls: turn.calls.map((c) => ({
      functionId: c.functionId,
      name: nameIn(names, c.functionId, c.name),
      nested: c.nested === true,
    })),
  };
  if (turn.withheld)
    out.withheld = {
      functionId: turn.withheld.functionId,
      name: nameIn(names, turn.withheld.functionId, turn.withheld.name),
    };
  if (turn.availableFromTurn !== undefined) out.availableFromTurn = turn.availableFromTurn;
  if (turn.missing) out.missing = { callIndex: turn.missing.callIndex, param: turn.missing.param };
  if (turn.dependsOnTurn !== undefined) out.dependsOnTurn = turn.dependsOnTurn;
  return out;
}

/**
 * `{"seed","stopReason","turns":[{"index","kind","calls":[{"functionId","name","nested"}],
 * "withheld"?,"availableFromTurn"?,"missing"?,"dependsOnTurn"?}],"operations":[{"op","params"}]}`
 * without a trailing newline.
 */
export function pathToJsonLine(path: SamplePath, names: FunctionNames = new Map()): string {
  return JSON.stringify({
    seed: path.seed,
    stopReason: path.stopReason,
    turns: path.turns.map((t, i) => turnRecord(t, i, names)),
    operations: path.history.map((op) => ({ op: op.op, params: canonical(op.params) })),
  });
}

/** Paths as JSON lines, each ending in a newline. */
export function pathsToJsonLines(paths: readonly SamplePath[], names: FunctionNames = new Map()): string {
  let out = '';
  for (const p of paths) out += `${pathToJsonLine(p, names)}\n`;
  return out;
}
