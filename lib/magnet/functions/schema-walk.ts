// Where JSON Schema keeps subschemas, and a guard that bounds every later walk: schemas from
// files can be absurdly deep, and schemas built in code can even contain object cycles.
import { isRecord, type JsonRecord } from './json';
import type { JsonSchema } from './types';

/** Keywords whose value is one subschema. `sameInstance`: applies to the same instance (no descent). */
const SINGLE: Record<string, { sameInstance: boolean }> = {
  not: { sameInstance: true },
  if: { sameInstance: true },
  then: { sameInstance: true },
  else: { sameInstance: true },
  additionalProperties: { sameInstance: false },
  unevaluatedProperties: { sameInstance: false },
  unevaluatedItems: { sameInstance: false },
  additionalItems: { sameInstance: false },
  contains: { sameInstance: false },
  propertyNames: { sameInstance: false },
  contentSchema: { sameInstance: false },
};
/** Keywords whose value is an array of subschemas. */
const LIST: Record<string, { sameInstance: boolean }> = {
  allOf: { sameInstance: true },
  anyOf: { sameInstance: true },
  oneOf: { sameInstance: true },
  prefixItems: { sameInstance: false },
};
/** Keywords whose value maps names to subschemas. `$defs` are only reached through `$ref`. */
const MAP: Record<string, { sameInstance: boolean | null }> = {
  properties: { sameInstance: false },
  patternProperties: { sameInstance: false },
  dependentSchemas: { sameInstance: true },
  dependencies: { sameInstance: true },
  $defs: { sameInstance: null },
  definitions: { sameInstance: null },
};

/** How a subschema relates to its parent: evaluated on the same instance, on a child instance, or not evaluated. */
export type SubschemaRelation = 'same' | 'descend' | 'definition';

export interface Subschema {
  /** Reference tokens from the parent schema to the subschema. */
  tokens: (string | number)[];
  schema: unknown;
  relation: SubschemaRelation;
}

function relationOf(sameInstance: boolean | null): SubschemaRelation {
  if (sameInstance === null) return 'definition';
  return sameInstance ? 'same' : 'descend';
}

/** The direct subschemas of a schema node. `items` is a list in draft 2019 and earlier. */
export function subschemas(node: JsonRecord): Subschema[] {
  const out: Subschema[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'items') {
      if (Array.isArray(value)) value.forEach((s, i) => out.push({ tokens: [key, i], schema: s, relation: 'descend' }));
      else out.push({ tokens: [key], schema: value, relation: 'descend' });
    } else if (Object.hasOwn(SINGLE, key)) {
      out.push({ tokens: [key], schema: value, relation: relationOf(SINGLE[key].sameInstance) });
    } else if (Object.hasOwn(LIST, key) && Array.isArray(value)) {
      value.forEach((s, i) => out.push({ tokens: [key, i], schema: s, relation: relationOf(LIST[key].sameInstance) }));
    } else if (Object.hasOwn(MAP, key) && isRecord(value)) {
      for (const [name, s] of Object.entries(value)) {
        // Draft-07 `dependencies` also maps names to string lists, which are not schemas.
        if (key === 'dependencies' && Array.isArray(s)) continue;
        out.push({ tokens: [key, name], schema: s, relation: relationOf(MAP[key].sameInstance) });
      }
    }
  }
  return out;
}

/**
 * Rebuilds a schema top-down: `fn` gets a shallow copy of each schema object and returns its
 * replacement, whose subschemas are then rebuilt the same way. Inputs are never mutated.
 * Call only on values that passed `checkJsonLimits` (the recursion depth is the schema depth).
 */
export function mapSchema(schema: unknown, fn: (node: JsonSchema) => JsonSchema): unknown {
  if (!isRecord(schema)) return schema;
  const node = fn({ ...schema });
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (key === 'items' || Object.hasOwn(SINGLE, key)) {
      node[key] = Array.isArray(value) ? value.map((s) => mapSchema(s, fn)) : mapSchema(value, fn);
    } else if (Object.hasOwn(LIST, key) && Array.isArray(value)) {
      node[key] = value.map((s) => mapSchema(s, fn));
    } else if (Object.hasOwn(MAP, key) && isRecord(value)) {
      node[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, mapSchema(s, fn)]));
    }
  }
  return node;
}

/** Far beyond any real function signature, and well inside what Ajv compiles without overflowing. */
export const MAX_JSON_DEPTH = 200;
export const MAX_JSON_NODES = 100_000;

/**
 * Iteratively checks that a value is a finite JSON tree: nesting at most MAX_JSON_DEPTH, at most
 * MAX_JSON_NODES values, no object that contains itself. Returns what is wrong, or null.
 */
export function checkJsonLimits(
  value: unknown,
): { code: 'schema_too_large' | 'invalid_schema'; reason: string } | null {
  const ancestors = new Set<object>();
  // Exit markers pop an object off the ancestor set once its children are done.
  const stack: { value: unknown; depth: number; exit?: object }[] = [{ value, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit) {
      ancestors.delete(frame.exit);
      continue;
    }
    if (++nodes > MAX_JSON_NODES) return { code: 'schema_too_large', reason: `more than ${MAX_JSON_NODES} values` };
    if (typeof frame.value !== 'object' || frame.value === null) continue;
    if (frame.depth > MAX_JSON_DEPTH)
      return { code: 'schema_too_large', reason: `nested deeper than ${MAX_JSON_DEPTH} levels` };
    if (ancestors.has(frame.value))
      return { code: 'invalid_schema', reason: 'an object contains itself (circular reference)' };
    ancestors.add(frame.value);
    stack.push({ value: null, depth: frame.depth, exit: frame.value });
    for (const child of Object.values(frame.value)) stack.push({ value: child, depth: frame.depth + 1 });
  }
  return null;
}
