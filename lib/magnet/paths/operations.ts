// The node operations as pure edits of a path, each recorded in `history` with parameters
// that say exactly what it did, so the editor can apply one and undo the last one, and a path
// can be rebuilt from its history alone (replayHistory). The sampler applies the very same
// edits (on a private copy, without re-parsing the parameters it built itself).
//
// Turn indices in parameters refer to the path as it was when the operation was applied.
// Turns referred to by other turns (`availableFromTurn`, `dependsOnTurn`) are renumbered as
// turns are inserted and removed. To keep every operation exactly undoable, a merge refuses
// turns another turn refers to and turns made by insert_long (a long dependency stays a turn).
import {
  OPERATION_PARAM_SCHEMAS,
  type EditParams,
  pathOperationSchema,
  type InsertLongParams,
  type InsertNestedParams,
  type MergeParams,
  type PathOperation,
  type PathOperationName,
  type PathTurn,
  type SamplePath,
  type SplitParams,
  type WalkParams,
} from './types';

export class PathOperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathOperationError';
  }
}

export interface OperationOptions {
  /** When given, merges and nested insertions that would exceed it are refused. */
  maxCallsPerTurn?: number;
}

/** The mutable part of a path an operation edits. */
export interface PathDraft {
  turns: PathTurn[];
  stopReason: string | null;
}

const fail = (message: string): never => {
  throw new PathOperationError(message);
};

export function cloneTurn(t: PathTurn): PathTurn {
  const out: PathTurn = { kind: t.kind, calls: t.calls.map((c) => ({ ...c })) };
  if (t.withheld) out.withheld = { ...t.withheld };
  if (t.missing) out.missing = { ...t.missing };
  if (t.availableFromTurn !== undefined) out.availableFromTurn = t.availableFromTurn;
  if (t.dependsOnTurn !== undefined) out.dependsOnTurn = t.dependsOnTurn;
  return out;
}

/** Adds `delta` to every turn reference at or above `from`. */
function shiftRefs(turns: PathTurn[], from: number, delta: number): void {
  for (const t of turns) {
    if (t.availableFromTurn !== undefined && t.availableFromTurn >= from) t.availableFromTurn += delta;
    if (t.dependsOnTurn !== undefined && t.dependsOnTurn >= from) t.dependsOnTurn += delta;
  }
}

const isReferenced = (turns: readonly PathTurn[], i: number) =>
  turns.some((t) => t.availableFromTurn === i || t.dependsOnTurn === i);

function turnAt(turns: readonly PathTurn[], i: number, what: string): PathTurn {
  const t = turns[i];
  if (!t) return fail(`${what}: there is no turn ${i} (the path has ${turns.length})`);
  return t;
}

function normalTurnAt(turns: readonly PathTurn[], i: number, what: string): PathTurn {
  const t = turnAt(turns, i, what);
  if (t.kind !== 'normal' || t.calls.length === 0) fail(`${what}: turn ${i} is not a turn with calls`);
  return t;
}

function checkRoom(calls: number, options: OperationOptions, what: string): void {
  if (options.maxCallsPerTurn !== undefined && calls > options.maxCallsPerTurn)
    fail(`${what}: a turn would hold ${calls} calls, more than ${options.maxCallsPerTurn}`);
}

// ---------------------------------------------------------------------------------------------
// Apply

function applyWalk(d: PathDraft, p: WalkParams): void {
  if (d.turns.length > 0) fail('walk: a walk starts a path; this path already has turns');
  if (p.calls.length === 0) fail('walk: a walk visits at least one function');
  d.turns = p.calls.map((c) => ({ kind: 'normal', calls: [{ functionId: c.functionId, name: c.name }] }));
  d.stopReason = p.stopReason;
}

function applyMerge(d: PathDraft, p: MergeParams, options: OperationOptions): void {
  const a = normalTurnAt(d.turns, p.turn, 'merge');
  const b = normalTurnAt(d.turns, p.turn + 1, 'merge');
  if (a.calls.length !== p.calls) fail(`merge: turn ${p.turn} holds ${a.calls.length} calls, not ${p.calls}`);
  if (a.dependsOnTurn !== undefined || b.dependsOnTurn !== undefined)
    fail('merge: a turn made by a long insertion stays its own turn');
  if (isReferenced(d.turns, p.turn + 1)) fail(`merge: turn ${p.turn + 1} is referred to by another turn`);
  checkRoom(a.calls.length + b.calls.length, options, 'merge');
  a.calls.push(...b.calls);
  d.turns.splice(p.turn + 1, 1);
  shiftRefs(d.turns, p.turn + 2, -1);
}

function applyInsertNested(d: PathDraft, p: InsertNestedParams, options: OperationOptions): void {
  const t = normalTurnAt(d.turns, p.turn, 'insert_nested');
  const last = t.calls[t.calls.length - 1];
  if (last.functionId !== p.from) fail(`insert_nested: the last call of turn ${p.turn} is not ${p.from}`);
  checkRoom(t.calls.length + 1, options, 'insert_nested');
  t.calls.push({ functionId: p.functionId, name: p.name, nested: true });
}

function applyInsertLong(d: PathDraft, p: InsertLongParams): void {
  const source = normalTurnAt(d.turns, p.fromTurn, 'insert_long');
  if (source.calls[source.calls.length - 1].functionId !== p.from)
    fail(`insert_long: the last call of turn ${p.fromTurn} is not ${p.from}`);
  if (p.turn < p.fromTurn + 2) fail('insert_long: the new turn must come at least two turns after its source');
  if (p.turn > d.turns.length) fail(`insert_long: turn ${p.turn} is past the end of the path`);
  shiftRefs(d.turns, p.turn, +1);
  d.turns.splice(p.turn, 0, {
    kind: 'normal',
    calls: [{ functionId: p.functionId, name: p.name }],
    dependsOnTurn: p.fromTurn,
  });
}

function applySplit(d: PathDraft, p: SplitParams): void {
  const next = normalTurnAt(d.turns, p.turn, 'split');
  let turn: PathTurn;
  if (p.kind === 'miss_param') {
    if (p.callIndex >= next.calls.length) fail(`split: turn ${p.turn} has no call ${p.callIndex}`);
    turn = { kind: 'miss_param', calls: [], missing: { callIndex: p.callIndex, param: p.param } };
  } else {
    if (!next.calls.some((c) => c.functionId === p.functionId)) fail(`split: turn ${p.turn} does not call ${p.name}`);
    turn = {
      kind: 'miss_func',
      calls: [],
      withheld: { functionId: p.functionId, name: p.name },
      availableFromTurn: p.turn + 1,
    };
  }
  shiftRefs(d.turns, p.turn, +1);
  d.turns.splice(p.turn, 0, turn);
}

/** Where turn k lands when turn `from` moves to `to` (turns in between shift by one). */
function movedIndex(k: number, from: number, to: number): number {
  if (k === from) return to;
  if (from < to && k > from && k <= to) return k - 1;
  if (from > to && k >= to && k < from) return k + 1;
  return k;
}

function moveTurn(d: PathDraft, from: number, to: number, what: string): void {
  turnAt(d.turns, from, what);
  turnAt(d.turns, to, what);
  const [t] = d.turns.splice(from, 1);
  d.turns.splice(to, 0, t);
  for (const u of d.turns) {
    if (u.availableFromTurn !== undefined) u.availableFromTurn = movedIndex(u.availableFromTurn, from, to);
    if (u.dependsOnTurn !== undefined) u.dependsOnTurn = movedIndex(u.dependsOnTurn, from, to);
  }
}

function moveCall(d: PathDraft, turn: number, from: number, to: number, what: string): void {
  const t = turnAt(d.turns, turn, what);
  if (from >= t.calls.length || to >= t.calls.length) fail(`${what}: turn ${turn} has ${t.calls.length} calls`);
  const [c] = t.calls.splice(from, 1);
  t.calls.splice(to, 0, c);
}

function insertTurn(d: PathDraft, i: number, turn: PathTurn, what: string): void {
  if (i > d.turns.length) fail(`${what}: turn ${i} is past the end of the path`);
  shiftRefs(d.turns, i, +1);
  d.turns.splice(i, 0, turn);
}

// Hand edits do not check the cap on calls per turn: the validator reports it, and the
// curator may be halfway through moving calls around.
function applyEdit(d: PathDraft, p: EditParams): void {
  const what = `edit ${p.action}`;
  switch (p.action) {
    case 'add_call': {
      const call = { functionId: p.functionId, name: p.name };
      if (p.newTurn) {
        if (p.at !== 0) fail(`${what}: a new turn starts with call 0`);
        return insertTurn(d, p.turn, { kind: 'normal', calls: [call] }, what);
      }
      const t = turnAt(d.turns, p.turn, what);
      if (t.kind !== 'normal') fail(`${what}: turn ${p.turn} is a ${t.kind} turn, which holds no calls`);
      if (p.at > t.calls.length) fail(`${what}: turn ${p.turn} has ${t.calls.length} calls`);
      t.calls.splice(p.at, 0, call);
      return;
    }
    case 'remove_call': {
      const t = turnAt(d.turns, p.turn, what);
      const c = t.calls[p.at];
      if (!c || c.functionId !== p.call.functionId)
        fail(`${what}: call ${p.at} of turn ${p.turn} is not ${p.call.name}`);
      if (t.calls.length === 1) fail(`${what}: it is the turn's only call; remove the turn instead`);
      t.calls.splice(p.at, 1);
      return;
    }
    case 'remove_turn': {
      const t = turnAt(d.turns, p.turn, what);
      if (t.kind !== p.removed.kind || t.calls.length !== p.removed.calls.length)
        fail(`${what}: turn ${p.turn} is not the turn to remove`);
      return removeTurn(d, p.turn, what);
    }
    case 'move_turn':
      return moveTurn(d, p.from, p.to, what);
    case 'move_call':
      return moveCall(d, p.turn, p.from, p.to, what);
  }
}

function undoEdit(d: PathDraft, p: EditParams): void {
  const what = `undo edit ${p.action}`;
  switch (p.action) {
    case 'add_call':
      if (p.newTurn) return removeTurn(d, p.turn, what);
      turnAt(d.turns, p.turn, what).calls.splice(p.at, 1);
      return;
    case 'remove_call':
      turnAt(d.turns, p.turn, what).calls.splice(p.at, 0, { ...p.call });
      return;
    case 'remove_turn':
      return insertTurn(d, p.turn, cloneTurn(p.removed as PathTurn), what);
    case 'move_turn':
      return moveTurn(d, p.to, p.from, what);
    case 'move_call':
      return moveCall(d, p.turn, p.to, p.from, what);
  }
}

/** Applies typed parameters to a draft, in place (no schema parsing: for callers that built them). */
export function applyToDraft(
  d: PathDraft,
  op: PathOperationName,
  params: PathOperation['params'],
  options: OperationOptions = {},
): void {
  switch (op) {
    case 'walk':
      return applyWalk(d, params as WalkParams);
    case 'merge':
      return applyMerge(d, params as MergeParams, options);
    case 'insert_nested':
      return applyInsertNested(d, params as InsertNestedParams, options);
    case 'insert_long':
      return applyInsertLong(d, params as InsertLongParams);
    case 'split':
      return applySplit(d, params as SplitParams);
    case 'edit':
      return applyEdit(d, params as EditParams);
  }
}

// ---------------------------------------------------------------------------------------------
// Undo

function removeTurn(d: PathDraft, i: number, what: string): void {
  if (isReferenced(d.turns, i)) fail(`${what}: turn ${i} is referred to by another turn`);
  d.turns.splice(i, 1);
  shiftRefs(d.turns, i + 1, -1);
}

function undoOnDraft(d: PathDraft, op: PathOperation): void {
  const what = `undo ${op.op}`;
  switch (op.op) {
    case 'walk':
      d.turns = [];
      d.stopReason = null;
      return;
    case 'merge': {
      const p = op.params as MergeParams;
      const t = normalTurnAt(d.turns, p.turn, what);
      if (t.calls.length <= p.calls) fail(`${what}: turn ${p.turn} holds no merged calls`);
      const moved = t.calls.splice(p.calls);
      shiftRefs(d.turns, p.turn + 1, +1);
      d.turns.splice(p.turn + 1, 0, { kind: 'normal', calls: moved });
      return;
    }
    case 'insert_nested': {
      const p = op.params as InsertNestedParams;
      const t = normalTurnAt(d.turns, p.turn, what);
      const last = t.calls[t.calls.length - 1];
      if (!last.nested || last.functionId !== p.functionId) fail(`${what}: turn ${p.turn} does not end with it`);
      t.calls.pop();
      return;
    }
    case 'insert_long': {
      const p = op.params as InsertLongParams;
      const t = turnAt(d.turns, p.turn, what);
      if (t.dependsOnTurn === undefined || t.calls[0]?.functionId !== p.functionId)
        fail(`${what}: turn ${p.turn} is not the inserted turn`);
      return removeTurn(d, p.turn, what);
    }
    case 'split': {
      const p = op.params as SplitParams;
      if (turnAt(d.turns, p.turn, what).kind !== p.kind) fail(`${what}: turn ${p.turn} is not a ${p.kind} turn`);
      return removeTurn(d, p.turn, what);
    }
    case 'edit':
      return undoEdit(d, op.params as EditParams);
  }
}

// ---------------------------------------------------------------------------------------------
// Public, pure API

const draftOf = (path: SamplePath): PathDraft => ({ turns: path.turns.map(cloneTurn), stopReason: path.stopReason });

/**
 * Applies one operation (parameters parsed with its schema) and returns a new path with it
 * appended to the history. Throws PathOperationError when it does not fit the path.
 */
export function applyOperation(path: SamplePath, op: PathOperation, options: OperationOptions = {}): SamplePath {
  const parsed = pathOperationSchema.parse(op);
  const params = OPERATION_PARAM_SCHEMAS[parsed.op].parse(parsed.params) as PathOperation['params'];
  if (parsed.op === 'walk' && path.history.length > 0) fail('walk: a walk starts a path; this path has a history');
  const d = draftOf(path);
  applyToDraft(d, parsed.op, params, options);
  return {
    turns: d.turns,
    history: [...path.history, { op: parsed.op, params }],
    stopReason: d.stopReason,
    seed: path.seed,
  };
}

/** The path before its last operation (the path itself when it has no history). */
export function undoLast(path: SamplePath): SamplePath {
  const last = path.history[path.history.length - 1];
  if (!last) return path;
  const d = draftOf(path);
  undoOnDraft(d, last);
  return { turns: d.turns, history: path.history.slice(0, -1), stopReason: d.stopReason, seed: path.seed };
}

/** The path a history builds from nothing. */
export function replayHistory(
  history: readonly PathOperation[],
  seed: string,
  options: OperationOptions = {},
): SamplePath {
  let path: SamplePath = { turns: [], history: [], stopReason: null, seed };
  for (const op of history) path = applyOperation(path, op, options);
  return path;
}
