// A JSON Schema flattened into the fields the edge heuristic compares: `booking_id`,
// `flights[].flight_id`, `order.id`, each with its JSON types and description. Output schemas
// (what A returns) and parameter schemas (what B takes) both go through here.
//
// Schemas come from users and may be recursive (a tree node whose children are nodes) or even
// contain object cycles when built in code, so every walk is bounded: a `$ref` is expanded at
// most twice on one path (recursion unrolled once: `children[].node_id` is still seen), an
// object is not entered twice on one path, and depth and count are capped.
import { isRecord, resolvePointer } from '../functions/json';
import type { JsonSchema } from '../functions/types';
import { nameTokens, textTokens } from './tokens';

export interface SchemaField {
  /** `booking_id`, `order.id`, `flights[].flight_id`, `[].id` (root array), '' (the whole value). */
  path: string;
  /** Last property name; '' for the whole value. */
  name: string;
  /** Normalized words of the name (see tokens.ts). */
  tokens: string[];
  /** Normalized words of the enclosing property names, outermost first (`flights` → [flight]). */
  context: string[];
  /** JSON types it may have; empty when unknown. */
  types: string[];
  /** Element types when it is an array; empty when unknown. */
  itemTypes: string[];
  /** Inside an array: each value is one element of a list. */
  inArray: boolean;
  /** Required all the way from the root (what matters for parameters). */
  required: boolean;
  /** Top-level property this field sits under ('' for the root). */
  topLevel: string;
  description: string;
  descTokens: string[];
}

export interface FlattenOptions {
  /** Property nesting levels to descend (default 4). */
  maxDepth?: number;
  /** Fields per schema at most (default 200). */
  maxFields?: number;
}

/** A schema node seen through `$ref`, `allOf`, `anyOf` and `oneOf`: what it allows, merged. */
interface View {
  types: Set<string>;
  properties: Map<string, unknown>;
  required: Set<string>;
  items: unknown[];
  description: string;
  /** `$ref`s expanded to build this view, added to the path its children are walked on. */
  refs: string[];
}

const MAX_MERGES = 64;
/** Times one `$ref` may be expanded on a path: 2 unrolls a recursive schema once. */
const MAX_REF_EXPANSIONS = 2;

const countOf = (list: readonly string[], x: string) => list.reduce((n, y) => (y === x ? n + 1 : n), 0);

function inferTypes(node: Record<string, unknown>): string[] {
  const t = node.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  if (isRecord(node.properties)) return ['object'];
  if (node.items !== undefined || Array.isArray(node.prefixItems)) return ['array'];
  const values = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : [];
  return [...new Set(values.map(jsonType))];
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** Merges what a node allows, following local `$ref`s (once each) and the combinators. */
function viewOf(node: unknown, root: unknown, refsOnPath: readonly string[]): View {
  const view: View = {
    types: new Set(),
    properties: new Map(),
    required: new Set(),
    items: [],
    description: '',
    refs: [],
  };
  let merges = 0;
  const seen = new Set<unknown>();
  const add = (n: unknown): void => {
    if (!isRecord(n) || seen.has(n) || merges++ > MAX_MERGES) return;
    seen.add(n);
    if (!view.description && typeof n.description === 'string') view.description = n.description;
    for (const t of inferTypes(n)) view.types.add(t);
    if (isRecord(n.properties)) {
      for (const [k, v] of Object.entries(n.properties)) if (!view.properties.has(k)) view.properties.set(k, v);
    }
    if (Array.isArray(n.required)) for (const r of n.required) if (typeof r === 'string') view.required.add(r);
    if (isRecord(n.items)) view.items.push(n.items);
    if (Array.isArray(n.prefixItems)) view.items.push(...n.prefixItems.filter(isRecord));
    if (typeof n.$ref === 'string' && n.$ref.startsWith('#')) {
      const ref = n.$ref;
      if (countOf(refsOnPath, ref) < MAX_REF_EXPANSIONS && !view.refs.includes(ref)) {
        view.refs.push(ref);
        let target: unknown;
        try {
          target = resolvePointer(root, decodeURIComponent(ref.slice(1)));
        } catch {
          target = undefined;
        }
        add(target);
      }
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = n[key];
      if (Array.isArray(list)) for (const sub of list) add(sub);
    }
  };
  add(node);
  return view;
}

/** The whole output of a function with no returns schema, named by `tokens` (what its name says it gives). */
export function wholeOutput(tokens: string[]): SchemaField {
  return {
    path: '',
    name: '',
    tokens,
    context: [],
    types: [],
    itemTypes: [],
    inArray: false,
    required: false,
    topLevel: '',
    description: '',
    descTokens: [],
  };
}

/** `a` then `b`, reusing `a` when `b` adds nothing (the common case: no `$ref`s). */
function concat(a: readonly string[], b: readonly string[]): readonly string[] {
  return b.length === 0 ? a : [...a, ...b];
}

const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);

/** Flattens a schema into its fields, outermost first, in property order. */
export function flattenSchema(schema: JsonSchema | null | undefined, options: FlattenOptions = {}): SchemaField[] {
  const maxDepth = options.maxDepth ?? 4;
  const maxFields = options.maxFields ?? 200;
  const fields: SchemaField[] = [];
  if (!isRecord(schema)) return fields;
  const root: unknown = schema;

  /** `refs`: the `$ref`s expanded on the path down to and including `view`. */
  const emit = (
    path: string,
    name: string,
    view: View,
    refs: readonly string[],
    context: string[],
    inArray: boolean,
    required: boolean,
    topLevel: string,
  ): void => {
    const itemTypes = new Set<string>();
    for (const item of view.items) for (const t of viewOf(item, root, refs).types) itemTypes.add(t);
    fields.push({
      path,
      name,
      tokens: name ? nameTokens(name) : [],
      context,
      types: [...view.types].sort(),
      itemTypes: [...itemTypes].sort(),
      inArray,
      required,
      topLevel,
      description: view.description,
      descTokens: textTokens(view.description),
    });
  };

  /** Emits the properties of an object view (or of its array elements) below `prefix`. */
  const descend = (
    view: View,
    refs: readonly string[],
    prefix: string,
    context: string[],
    depth: number,
    inArray: boolean,
    required: boolean,
    topLevel: string,
    ancestors: ReadonlySet<unknown>,
  ): void => {
    if (depth > maxDepth) return;
    for (const [key, sub] of view.properties) {
      if (fields.length >= maxFields) return;
      // An object met again on the same path is a cycle built in code: stop there.
      if (ancestors.has(sub)) continue;
      const subView = viewOf(sub, root, refs);
      const subRefs = concat(refs, subView.refs);
      const path = prefix ? `${prefix}.${key}` : key;
      const isRequired = required && view.required.has(key);
      const top = topLevel || key;
      emit(path, key, subView, subRefs, context, inArray, isRequired, top);
      const subAncestors = new Set(ancestors).add(sub);
      const ctx = [...context, ...nameTokens(key)];
      descend(subView, subRefs, path, ctx, depth + 1, inArray, isRequired, top, subAncestors);
      for (const item of subView.items) {
        if (subAncestors.has(item)) continue;
        const itemView = viewOf(item, root, subRefs);
        const itemAncestors = new Set(subAncestors).add(item);
        const itemRefs = concat(subRefs, itemView.refs);
        descend(itemView, itemRefs, `${path}[]`, ctx, depth + 1, true, isRequired, top, itemAncestors);
      }
    }
  };

  const rootView = viewOf(root, root, []);
  const ancestors = new Set<unknown>([root]);
  if (rootView.properties.size > 0) {
    descend(rootView, rootView.refs, '', [], 1, false, true, '', ancestors);
    return fields;
  }
  const isArray = rootView.types.has('array');
  // A bare scalar or list output is one value: the whole output ('').
  if (isArray || [...rootView.types].some((t) => SCALARS.has(t))) {
    emit('', '', rootView, rootView.refs, [], false, false, '');
  }
  if (isArray) {
    for (const item of rootView.items) {
      const itemView = viewOf(item, root, rootView.refs);
      descend(itemView, concat(rootView.refs, itemView.refs), '[]', [], 1, true, false, '', ancestors);
    }
  }
  return fields;
}
