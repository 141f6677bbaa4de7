// The teacher-simulated executor: an LLM writes a plausible output for the call. What it writes is
// checked against the function's returns schema, so a conversation never carries an output its
// function could not have returned; one retry, then the turn fails.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { JsonSchema } from '../magnet/functions/types';
import { isRecord } from '../magnet/functions/json';
import { fitsSchema } from '../magnet/translate/check-call';
import type { Executor } from '../magnet/translate/translate-path';

export interface SimulateRequest {
  function: { name: string; description: string; parameters: JsonSchema; returns: JsonSchema | null };
  arguments: Record<string, unknown>;
  /** Differs per call and per attempt, so a cached or seeded teacher does not repeat a refused output. */
  seed: string;
  /** On the second attempt: why the first output was refused. */
  problem?: string;
}

/** Writes the output of one call (an LLM teacher, or a scripted one in tests). */
export type Simulate = (req: SimulateRequest) => Promise<unknown>;

let ajvInstance: Ajv2020 | null = null;
const ajv = () =>
  (ajvInstance ??= new Ajv2020({ strict: false, allErrors: false, logger: false, validateFormats: false }));
const compiled = new WeakMap<object, ValidateFunction | null>();

/** The first reason a value does not fit a schema ('' when it fits or the schema cannot be compiled). */
export function firstSchemaProblem(value: unknown, schema: JsonSchema): string {
  let v = compiled.get(schema);
  if (v === undefined) {
    try {
      v = ajv().compile({ ...schema, $schema: undefined, $id: undefined });
    } catch {
      v = null;
    }
    compiled.set(schema, v);
  }
  if (!v || v(value)) return '';
  const e = v.errors?.[0];
  if (!e) return 'it is invalid';
  const allowed =
    e.keyword === 'enum' ? ` ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}` : '';
  return `${e.instancePath || 'the output'} ${e.message ?? 'is invalid'}${allowed}`;
}

const hasSchema = (s: JsonSchema | null): s is JsonSchema => isRecord(s) && Object.keys(s).length > 0;

export function createTeacherExecutor(simulate: Simulate): Executor {
  return async (fn, args, ctx) => {
    const base = `${ctx.seed}:simulate:${ctx.turn}:${ctx.call}`;
    const request: SimulateRequest = {
      function: { name: fn.name, description: fn.description, parameters: fn.parameters, returns: fn.returns },
      arguments: args,
      seed: base,
    };
    const first = await simulate(request);
    if (!hasSchema(fn.returns) || fitsSchema(first, fn.returns)) return first;
    const problem = firstSchemaProblem(first, fn.returns) || 'it does not match';
    const second = await simulate({ ...request, seed: `${base}:retry`, problem });
    if (fitsSchema(second, fn.returns)) return second;
    const again = firstSchemaProblem(second, fn.returns) || 'it does not match';
    throw new Error(`output of ${fn.name} does not fit its returns schema: ${again}`);
  };
}
