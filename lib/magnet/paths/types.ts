// The Paths stage's vocabulary (DESIGN.md, Magnet step 3): a SamplePath is a list of turns,
// each holding the calls one user message asks for, plus the history of operations that made
// it (the random walk, then merge, insert and split), so every path can be explained, edited,
// undone and reproduced from its seed.
import { z } from 'zod';

import type { EdgeKind, EdgeStatus, FieldMapping, GraphFunction } from '../graph/types';

export const PATH_TURN_KINDS = ['normal', 'miss_param', 'miss_func'] as const;
/**
 * normal: the turn holds calls. miss_param: an empty turn whose user message leaves out a
 * required value of the next turn's call (the right answer is to ask for it). miss_func: an
 * empty turn whose needed function is withheld from the tool list (the right answer is to say
 * so); the function becomes available at `availableFromTurn`.
 */
export type PathTurnKind = (typeof PATH_TURN_KINDS)[number];

export interface PathCall {
  functionId: string;
  name: string;
  /** Inserted call the user will not name (insert_nested): it consumes the previous call's output. */
  nested?: boolean;
}

export interface PathTurn {
  kind: PathTurnKind;
  /** Empty for miss_param and miss_func turns. */
  calls: PathCall[];
  /** miss_func: the function withheld from the tool list until `availableFromTurn`. */
  withheld?: { functionId: string; name: string };
  /** miss_param: the call of the NEXT turn (by index in that turn) and the required parameter left out. */
  missing?: { callIndex: number; param: string };
  /** miss_func: index of the turn (after this one) from which the withheld function is available. */
  availableFromTurn?: number;
  /**
   * A turn made by insert_long: the index of the earlier turn (at least two turns back) whose
   * last call's output this turn's call consumes, a long-range dependency.
   */
  dependsOnTurn?: number;
}

/**
 * walk, merge, insert_nested, insert_long and split are the method's operations; `edit` is a
 * curator's change in the path editor (add, remove or move a call or a turn), recorded in the
 * same history so it can be undone and replayed like the others.
 */
export const PATH_OPERATIONS = ['walk', 'merge', 'insert_nested', 'insert_long', 'split', 'edit'] as const;
export type PathOperationName = (typeof PATH_OPERATIONS)[number];

/**
 * One entry of a path's history. `params` are those of the typed *Params interfaces below;
 * turn indices in them refer to the path as it was when the operation was applied.
 */
export interface PathOperation {
  op: PathOperationName;
  params: Record<string, unknown>;
}

export interface SamplePath {
  turns: PathTurn[];
  history: PathOperation[];
  /** Why the walk ended before `steps` functions ("dead end at cd after 3 steps"), or null. */
  stopReason: string | null;
  /** The path's own seed (`<recipe seed>:<index>`): sampling it alone gives the same path. */
  seed: string;
}

// ---------------------------------------------------------------------------------------------
// The graph the sampler walks: functions and stored edges with their status.

export interface PathEdge {
  fromId: string;
  toId: string;
  kind: EdgeKind;
  status: EdgeStatus;
  /** Which output field feeds which input parameter; used by the validator to source inputs. */
  mapping?: readonly FieldMapping[];
}

export interface PathGraph {
  functions: readonly GraphFunction[];
  edges: readonly PathEdge[];
}

// ---------------------------------------------------------------------------------------------
// Operation parameters (what `history` records, and what the editor sends to applyOperation).

const callRef = z.object({ functionId: z.string().min(1), name: z.string() });
const index = z.number().int().min(0);

export const walkParamsSchema = z.object({
  /** Functions asked for (the recipe's steps). */
  steps: z.number().int().min(1),
  /** The walked functions, one turn each, in order. */
  calls: z.array(callRef),
  stopReason: z.string().nullable(),
});
export type WalkParams = z.infer<typeof walkParamsSchema>;

export const mergeParamsSchema = z.object({
  /** Turn `turn + 1` is merged into turn `turn`... */
  turn: index,
  /** ...which held this many calls before (what undo splits at). */
  calls: z.number().int().min(1),
});
export type MergeParams = z.infer<typeof mergeParamsSchema>;

export const insertNestedParamsSchema = z.object({
  /** The turn the nested call is appended to. */
  turn: index,
  /** The function whose output it consumes: the turn's last call before the insertion. */
  from: z.string().min(1),
  functionId: z.string().min(1),
  name: z.string(),
});
export type InsertNestedParams = z.infer<typeof insertNestedParamsSchema>;

export const insertLongParamsSchema = z.object({
  /** The turn whose last call's output the new turn consumes. */
  fromTurn: index,
  /** Index of the new turn; at least fromTurn + 2, so at least one turn lies in between. */
  turn: index,
  from: z.string().min(1),
  functionId: z.string().min(1),
  name: z.string(),
});
export type InsertLongParams = z.infer<typeof insertLongParamsSchema>;

export const splitParamsSchema = z.discriminatedUnion('kind', [
  z.object({
    /** Index of the new empty turn; the turn after it (then at turn + 1) holds the calls. */
    turn: index,
    kind: z.literal('miss_param'),
    /** The call of the next turn that lacks a value, and the parameter left out. */
    callIndex: index,
    param: z.string().min(1),
  }),
  z.object({
    turn: index,
    kind: z.literal('miss_func'),
    /** The withheld function: a call of the next turn; available from turn + 1. */
    functionId: z.string().min(1),
    name: z.string(),
  }),
]);
export type SplitParams = z.infer<typeof splitParamsSchema>;

const turnSnapshot = z.object({
  kind: z.enum(PATH_TURN_KINDS),
  calls: z.array(callRef.extend({ nested: z.boolean().optional() })),
  withheld: callRef.optional(),
  missing: z.object({ callIndex: index, param: z.string().min(1) }).optional(),
  availableFromTurn: index.optional(),
  dependsOnTurn: index.optional(),
});

export const editParamsSchema = z.discriminatedUnion('action', [
  z.object({
    /** A call joins turn `turn` at position `at`; with `newTurn`, a new turn is made at `turn` for it. */
    action: z.literal('add_call'),
    turn: index,
    at: index,
    newTurn: z.boolean(),
    functionId: z.string().min(1),
    name: z.string(),
  }),
  z.object({
    /** Call `at` leaves turn `turn` (which keeps at least one call); `call` is what undo restores. */
    action: z.literal('remove_call'),
    turn: index,
    at: index,
    call: callRef.extend({ nested: z.boolean().optional() }),
  }),
  z.object({
    /** Turn `turn` is removed; `removed` is the turn as it was, for undo. */
    action: z.literal('remove_turn'),
    turn: index,
    removed: turnSnapshot,
  }),
  z.object({
    /** Turn `from` moves to index `to`; turns that refer to others keep referring to the same turns. */
    action: z.literal('move_turn'),
    from: index,
    to: index,
  }),
  z.object({
    /** Within turn `turn`, call `from` moves to position `to`. */
    action: z.literal('move_call'),
    turn: index,
    from: index,
    to: index,
  }),
]);
export type EditParams = z.infer<typeof editParamsSchema>;

export const OPERATION_PARAM_SCHEMAS = {
  walk: walkParamsSchema,
  merge: mergeParamsSchema,
  insert_nested: insertNestedParamsSchema,
  insert_long: insertLongParamsSchema,
  split: splitParamsSchema,
  edit: editParamsSchema,
} as const;

export const pathOperationSchema = z.object({
  op: z.enum(PATH_OPERATIONS),
  params: z.record(z.string(), z.unknown()),
});

// ---------------------------------------------------------------------------------------------
// The recipe: how many paths, how long, which operations with which probabilities.

const probability = z.number().min(0).max(1);
const weight = z.number().min(0);
const somePositive = (w: Record<string, number>) => Object.values(w).some((x) => x > 0);
const positiveMessage = { message: 'at least one weight must be positive' };

export const DEFAULT_STEPS = 7;
export const DEFAULT_MERGE = 0.3;
export const DEFAULT_INSERT = 0.3;
export const DEFAULT_SPLIT = 0.2;
export const DEFAULT_MAX_CALLS_PER_TURN = 3;

export const recipeSchema = z.object({
  /** Functions the random walk visits at most (the paper's S = 7); one turn each before merging. */
  steps: z.number().int().min(1).max(50).default(DEFAULT_STEPS),
  /** Paths to sample. */
  count: z.number().int().min(1).max(100_000).default(100),
  /** Path i is sampled from `${seed}:${i}`. */
  seed: z
    .union([z.string().min(1).max(200), z.number().int()])
    .transform(String)
    .default('1'),
  /** Probability that two adjacent turns merge, per adjacent pair that has room (paper: 0.3). */
  merge: probability.default(DEFAULT_MERGE),
  /** Probability of an insertion (nested or long), per turn where one is possible. */
  insert: probability.default(DEFAULT_INSERT),
  /** Probability that a path gets one split (empty miss_param or miss_func) turn, when one is possible. */
  split: probability.default(DEFAULT_SPLIT),
  /** Relative weights of the split scenarios (default equal). */
  scenarioMix: z.object({ miss_param: weight, miss_func: weight }).refine(somePositive, positiveMessage).optional(),
  /** Relative weights of the insertion forms (default equal). */
  insertMix: z.object({ nested: weight, long: weight }).refine(somePositive, positiveMessage).optional(),
  /** Calls one turn may hold (the paper's three), for merges and nested insertions. */
  maxCallsPerTurn: z.number().int().min(1).max(10).default(DEFAULT_MAX_CALLS_PER_TURN),
  /** Walk proposed edges too, not only accepted ones. Rejected edges are never walked. */
  includeProposed: z.boolean().default(false),
  /** Function ids a walk may start from (one picked per path); default: any function with a way out. */
  startNodes: z.array(z.string().min(1)).min(1).max(10_000).optional(),
});

/** A recipe with every default filled in. */
export type Recipe = z.output<typeof recipeSchema>;
/** A recipe as a user or a caller writes it (defaults optional). */
export type RecipeInput = z.input<typeof recipeSchema>;

/** Parses (and fills in) a recipe from outside; throws a ZodError naming what is wrong. */
export const parseRecipe = (input: unknown): Recipe => recipeSchema.parse(input ?? {});
