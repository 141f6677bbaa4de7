// Tool executors (server-side): what produces a call's output during a run, chosen per function.
// schema (the default) synthesizes it from the returns schema, teacher has the run's LLM write it,
// http asks the function's endpoint.
import { schemaExecutor, type Executor } from '../magnet/translate/translate-path';
import { createHttpExecutor } from './http';
import type { ExecutorSettingsInput, ExecutorSpecInput } from './spec';
import { createTeacherExecutor, type Simulate } from './teacher';

export * from './spec';
export { createHttpExecutor, appendQuery, HttpExecutorError, MAX_REDIRECTS, type HttpExecutorDeps } from './http';
export { createTeacherExecutor, firstSchemaProblem, type Simulate, type SimulateRequest } from './teacher';
export type { Executor } from '../magnet/translate/translate-path';

export const NO_SIMULATOR_MESSAGE =
  "no teacher can simulate outputs: choose an LLM teacher for this run or set the function's executor to schema";

export interface CreateExecutorOptions {
  /** Executor of each function, by function id; functions not in it use the schema executor. */
  specs: ReadonlyMap<string, ExecutorSpecInput>;
  settings: ExecutorSettingsInput;
  /** The run's teacher writing outputs; without it, teacher executors fail their calls. */
  simulate?: Simulate;
  fetch?: typeof fetch;
}

/** One Executor for a run, dispatching each call to its function's executor. */
export function createExecutor(opts: CreateExecutorOptions): Executor {
  const teacher = opts.simulate ? createTeacherExecutor(opts.simulate) : null;
  // Built on first use: a spec the run never calls cannot fail the run.
  const http = new Map<string, Executor>();

  return async (fn, args, ctx) => {
    const spec = opts.specs.get(fn.id) ?? { kind: 'schema' };
    switch (spec.kind) {
      case 'schema':
        return schemaExecutor(fn, args, ctx);
      case 'teacher':
        if (!teacher) throw new Error(NO_SIMULATOR_MESSAGE);
        return teacher(fn, args, ctx);
      case 'http': {
        let exec = http.get(fn.id);
        if (!exec) {
          exec = createHttpExecutor(spec, opts.settings, { fetch: opts.fetch });
          http.set(fn.id, exec);
        }
        return exec(fn, args, ctx);
      }
      default:
        throw new Error(`unknown executor kind "${(spec as { kind: unknown }).kind}" for ${fn.name}`);
    }
  };
}
