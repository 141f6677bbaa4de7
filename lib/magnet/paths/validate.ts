// What is wrong with a path, turn by turn and call by call, for the editor and before a path
// goes to translation. Errors break the path's structure or the method's rules; warnings are
// inputs nobody provides (the translation would have to invent a value).
//
// The call sequence is read the way the operations built it: the *spine* is every call that is
// neither nested nor in a turn made by insert_long, and consecutive spine calls need an edge
// (merge keeps the walk's order, so merged calls are still consecutive on the spine). A nested
// call needs an edge from the call before it in its turn; a long-dependency turn needs an edge
// from a call of the turn it depends on, at least two turns back. Empty split turns are skipped.
import { indexGraph, type GraphIndex } from './graph-index';
import { mappingCovers, requiredInputs, type RequiredInput } from './inputs';
import { DEFAULT_MAX_CALLS_PER_TURN, type PathCall, type PathGraph, type SamplePath } from './types';

export const PATH_ISSUE_CODES = {
  unknown_function: 'error',
  missing_edge: 'error',
  nested_first: 'error',
  long_dependency_invalid: 'error',
  too_many_calls: 'error',
  empty_turn: 'error',
  calls_in_split_turn: 'error',
  miss_param_invalid: 'error',
  miss_func_invalid: 'error',
  miss_func_never_available: 'error',
  withheld_called_early: 'error',
  miss_func_unused: 'warning',
  input_unsourced: 'warning',
} as const;
export type PathIssueCode = keyof typeof PATH_ISSUE_CODES;

export interface PathIssue {
  level: 'error' | 'warning';
  code: PathIssueCode;
  turnIndex: number;
  /** The call in the turn, or null for the turn as a whole. */
  callIndex: number | null;
  message: string;
}

export interface ValidateOptions {
  /** Default 3, the paper's. */
  maxCallsPerTurn?: number;
  /** Count proposed edges as edges (default true: only rejected edges never count). */
  includeProposed?: boolean;
}

export type PathValidator = (path: SamplePath) => PathIssue[];

/** A validator for many paths over one graph (indexes the graph once). */
export function createPathValidator(graph: PathGraph, options: ValidateOptions = {}): PathValidator {
  const index = indexGraph(graph, { includeProposed: options.includeProposed ?? true });
  const max = options.maxCallsPerTurn ?? DEFAULT_MAX_CALLS_PER_TURN;
  const cache = new Map<string, RequiredInput[]>();
  const inputsOf = (id: string) => {
    let r = cache.get(id);
    if (!r) {
      const fn = index.byId.get(id);
      cache.set(id, (r = fn ? requiredInputs(fn) : []));
    }
    return r;
  };
  return (path) => check(path, index, max, inputsOf);
}

export function validatePath(path: SamplePath, graph: PathGraph, options: ValidateOptions = {}): PathIssue[] {
  return createPathValidator(graph, options)(path);
}

function check(
  path: SamplePath,
  index: GraphIndex,
  max: number,
  inputsOf: (id: string) => RequiredInput[],
): PathIssue[] {
  const issues: PathIssue[] = [];
  const add = (code: PathIssueCode, turnIndex: number, callIndex: number | null, message: string) =>
    issues.push({ level: PATH_ISSUE_CODES[code], code, turnIndex, callIndex, message });
  const turns = path.turns;
  const name = (c: PathCall) => c.name || c.functionId;
  const calls = (i: number) => turns[i]?.calls ?? [];

  // Withheld functions: where they are withheld and from which turn they are available.
  const withheld: { turn: number; functionId: string; name: string; from: number }[] = [];

  turns.forEach((turn, ti) => {
    if (turn.kind === 'normal') {
      if (turn.calls.length === 0) add('empty_turn', ti, null, `turn ${ti} is a normal turn with no call`);
      if (turn.calls.length > max)
        add('too_many_calls', ti, null, `turn ${ti} holds ${turn.calls.length} calls, more than ${max}`);
      return;
    }
    if (turn.calls.length > 0)
      add('calls_in_split_turn', ti, null, `turn ${ti} is a ${turn.kind} turn and must hold no call`);
    const next = turns[ti + 1];
    if (turn.kind === 'miss_param') {
      const m = turn.missing;
      if (!m) return void add('miss_param_invalid', ti, null, `miss_param turn ${ti} does not say what is missing`);
      const call = next?.kind === 'normal' ? next.calls[m.callIndex] : undefined;
      if (!call)
        return void add(
          'miss_param_invalid',
          ti,
          null,
          `miss_param turn ${ti}: the next turn has no call ${m.callIndex}`,
        );
      if (index.byId.has(call.functionId) && !inputsOf(call.functionId).some((r) => r.name === m.param))
        add(
          'miss_param_invalid',
          ti,
          null,
          `miss_param turn ${ti}: ${m.param} is not a required parameter of ${name(call)}`,
        );
      return;
    }
    // miss_func
    const w = turn.withheld;
    if (!w)
      return void add('miss_func_invalid', ti, null, `miss_func turn ${ti} does not say which function is withheld`);
    const from = turn.availableFromTurn;
    if (from === undefined || !Number.isInteger(from) || from <= ti || from >= turns.length) {
      add('miss_func_never_available', ti, null, `${w.name} is withheld at turn ${ti} and never made available later`);
      return;
    }
    withheld.push({ turn: ti, functionId: w.functionId, name: w.name, from });
    if (!turns.slice(from).some((t) => t.calls.some((c) => c.functionId === w.functionId)))
      add('miss_func_unused', ti, null, `${w.name} is made available at turn ${from} but never called`);
  });

  for (const w of withheld) {
    for (let ti = 0; ti < w.from; ti++) {
      const ci = calls(ti).findIndex((c) => c.functionId === w.functionId);
      if (ci >= 0)
        add('withheld_called_early', ti, ci, `${w.name} is called at turn ${ti} but withheld until turn ${w.from}`);
    }
  }

  // Calls: edges along the sequence, and where every required input comes from.
  let spine: PathCall | null = null;
  const earlier: string[] = [];
  turns.forEach((turn, ti) => {
    turn.calls.forEach((call, ci) => {
      const fn = index.byId.get(call.functionId);
      if (!fn) {
        add('unknown_function', ti, ci, `${name(call)} is not a function of the graph`);
        earlier.push(call.functionId);
        return;
      }
      if (call.nested) {
        if (ci === 0) add('nested_first', ti, ci, `nested call ${name(call)} opens turn ${ti}; it must follow a call`);
        else if (!index.edge(turn.calls[ci - 1].functionId, call.functionId))
          add('missing_edge', ti, ci, `nested call ${name(call)} has no edge from ${name(turn.calls[ci - 1])}`);
      } else if (turn.dependsOnTurn !== undefined) {
        const d = turn.dependsOnTurn;
        if (!Number.isInteger(d) || d < 0 || d > ti - 2)
          add(
            'long_dependency_invalid',
            ti,
            ci,
            `turn ${ti} depends on turn ${d}, which is not two or more turns back`,
          );
        else if (!calls(d).some((c) => index.edge(c.functionId, call.functionId)))
          add('missing_edge', ti, ci, `${name(call)} has no edge from any call of turn ${d}, the turn it depends on`);
      } else {
        if (spine && !index.edge(spine.functionId, call.functionId))
          add(
            'missing_edge',
            ti,
            ci,
            `no edge from ${name(spine)} to ${name(call)}, and no operation explains the pair`,
          );
        spine = call;
      }
      for (const input of inputsOf(fn.id)) {
        if (input.userGivable) continue;
        if (earlier.some((from) => mappingCovers(index.edge(from, fn.id)?.mapping, input.name))) continue;
        add(
          'input_unsourced',
          ti,
          ci,
          `${name(call)} needs ${input.name}, which a user would not give and no earlier output provides`,
        );
      }
      earlier.push(call.functionId);
    });
  });
  return issues;
}
