// The schema-synthesized executor, the default: a call's output is made up from the function's
// returns schema, deterministic for a seed, and consistent with the call: an output field named
// like an argument carries the argument's value (get_booking(booking_id) returns that
// booking_id), so ids and values flow forward through the conversation as a real API's would.
import { isRecord } from '../functions/json';
import type { PathRng } from '../paths/rng';
import { synthesizeValue, typesOf } from './values';

const MAX_DEPTH = 4;

function fill(name: string, schema: unknown, args: Record<string, unknown>, rng: PathRng, depth: number): unknown {
  if (name in args && args[name] !== undefined && depth > 0) return args[name];
  if (!isRecord(schema) || depth >= MAX_DEPTH) return synthesizeValue(name, schema, rng, depth);
  const type = typesOf(schema)[0];
  if (type === 'object' && isRecord(schema.properties)) {
    const out: Record<string, unknown> = {};
    // Outputs are filled whole (optional fields too): later calls may read any of them.
    for (const [k, s] of Object.entries(schema.properties)) out[k] = fill(k, s, args, rng, depth + 1);
    return out;
  }
  if (type === 'array' && isRecord(schema.items)) {
    const n = 1 + rng.below(2);
    return Array.from({ length: n }, () => fill(name, schema.items, args, rng, depth + 1));
  }
  return synthesizeValue(name, schema, rng, depth, () => true);
}

/** The output of a call to a function with this returns schema (a plain status when it has none). */
export function synthesizeOutput(returns: unknown, args: Record<string, unknown>, rng: PathRng): unknown {
  if (!isRecord(returns) || Object.keys(returns).length === 0) return { status: 'ok' };
  return fill('result', returns, args, rng, 0);
}
