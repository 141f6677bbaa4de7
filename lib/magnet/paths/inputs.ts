// Where a call's required inputs can come from: a value a user could say (a city, an amount,
// a file name) or an earlier call's output (an id, a token). Split picks miss_param values among
// the first kind; the validator asks every input of the second kind for an earlier output.
import { isRecord } from '../functions/json';
import type { JsonSchema } from '../functions/types';
import { nameTokens } from '../graph/tokens';
import type { FieldMapping, GraphFunction } from '../graph/types';

export interface RequiredInput {
  /** Top-level parameter name. */
  name: string;
  schema: JsonSchema;
  /** A value a user could give in a message (not an id-like string or number). */
  userGivable: boolean;
}

/** Last words of a name that mark a value a system hands out rather than one a person says. */
const ID_WORDS = new Set(['id', 'token']);

/** `booking_id`, `orderIds`, `access_token`, `uuid`, or a string with `format: uuid`. */
export function isIdLike(name: string, schema: unknown): boolean {
  const tokens = nameTokens(name);
  const last = tokens[tokens.length - 1];
  if (last !== undefined && ID_WORDS.has(last)) return true;
  return isRecord(schema) && schema.format === 'uuid';
}

/** The JSON types a schema allows, read from `type` or implied by `properties` / `items` ([] when unsaid). */
export function typesOf(schema: Record<string, unknown>): string[] {
  const t = schema.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  if (isRecord(schema.properties)) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return [];
}

const MAX_DEPTH = 3;

/**
 * Could a user give this value in a message? Enumerations, constants and booleans: yes. Strings
 * and numbers: unless their name is id-like. Arrays: when their elements could be given (under
 * the array's name). Objects: when all their required properties could be. Unknown types count
 * as strings.
 */
export function isUserGivable(name: string, schema: unknown, depth = 0): boolean {
  if (!isRecord(schema)) return !isIdLike(name, schema);
  if (Array.isArray(schema.enum) || 'const' in schema) return true;
  const types = typesOf(schema).filter((t) => t !== 'null');
  if (types.length > 0 && types.every((t) => t === 'boolean')) return true;
  if (types.includes('object')) {
    if (depth >= MAX_DEPTH) return true;
    const props = isRecord(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    return required.every((r) => typeof r !== 'string' || isUserGivable(r, props[r], depth + 1));
  }
  if (types.includes('array')) {
    if (isIdLike(name, schema)) return false;
    return depth >= MAX_DEPTH || !isRecord(schema.items) || isUserGivable(name, schema.items, depth + 1);
  }
  return !isIdLike(name, schema);
}

/** The function's required top-level parameters, in the order its schema lists them. */
export function requiredInputs(fn: Pick<GraphFunction, 'parameters'>): RequiredInput[] {
  const params = fn.parameters;
  const props = isRecord(params.properties) ? params.properties : {};
  const required = Array.isArray(params.required) ? params.required : [];
  const out: RequiredInput[] = [];
  const seen = new Set<string>();
  for (const r of required) {
    if (typeof r !== 'string' || seen.has(r)) continue;
    seen.add(r);
    const schema = isRecord(props[r]) ? (props[r] as JsonSchema) : {};
    out.push({ name: r, schema, userGivable: isUserGivable(r, schema) });
  }
  return out;
}

/** Does an edge's mapping feed this top-level parameter (itself or a field inside it)? */
export function mappingCovers(mapping: readonly FieldMapping[] | undefined, param: string): boolean {
  if (!mapping) return false;
  return mapping.some((m) => m.input === param || m.input.startsWith(`${param}.`) || m.input.startsWith(`${param}[]`));
}
