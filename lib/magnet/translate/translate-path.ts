// Magnet's translation loop for one path, turn by turn: plan each call's arguments (earlier
// outputs where an edge says so, values a user would give otherwise), have the teacher write the
// user's message and the calls, check every call against its function (one repair attempt),
// execute, and have the teacher answer. miss_param: the message leaves a value out, the assistant
// asks, the next message gives it. miss_func: the function is not offered, the assistant says it
// cannot, and the function is offered again later. A turn that fails is kept with its reason and
// ends the conversation (later turns depend on its outputs).
import { isRecord } from '../functions/json';
import type { GraphFunction } from '../graph/types';
import { indexGraph, type GraphIndex } from '../paths/graph-index';
import { mappingCovers, requiredInputs } from '../paths/inputs';
import { PathRng } from '../paths/rng';
import type { PathGraph, SamplePath } from '../paths/types';
import { checkCall, fitsSchema, type CallIssue } from './check-call';
import { synthesizeOutput } from './executor';
import { readFieldPath } from './field-path';
import type { TranslationTeacher } from './teacher';
import type {
  CallPlan,
  Conversation,
  ConversationMessage,
  ConversationTurn,
  PlannedArgument,
  ToolCallRecord,
} from './types';
import { synthesizeValue, typesOf } from './values';

/** Runs a call; the default is the schema-synthesized executor. */
export type Executor = (
  fn: GraphFunction,
  args: Record<string, unknown>,
  ctx: { seed: string; turn: number; call: number },
) => Promise<unknown>;

export const schemaExecutor: Executor = async (fn, args, ctx) =>
  synthesizeOutput(fn.returns, args, new PathRng(`${ctx.seed}:exec:${ctx.turn}:${ctx.call}`));

export interface TranslateOptions {
  teacher: TranslationTeacher;
  executor?: Executor;
  /** Seed of the conversation (the path's seed by default). */
  seed?: string;
  /** Repair attempts after calls that fail their checks (default 1). */
  repairs?: number;
}

/** A graph prepared once for many paths. */
export interface TranslationGraph {
  index: GraphIndex;
}

export const prepareGraph = (graph: PathGraph): TranslationGraph => ({
  index: indexGraph(graph, { includeProposed: true }),
});

interface Executed {
  functionId: string;
  output: unknown;
}

/** A call of the current turn before the one planned; `output` is absent until it has run. */
interface Earlier {
  functionId: string;
  output?: unknown;
  ran: boolean;
}

/** A value of another shape made to fit a schema: an id 123 for a string, a list's first item for a scalar. */
function coerce(value: unknown, schema: unknown): unknown {
  if (!isRecord(schema)) return value;
  const type = typesOf(schema)[0];
  if (type === 'array' && !Array.isArray(value)) return [coerce(value, schema.items)];
  if (type !== 'array' && Array.isArray(value)) return value.length ? coerce(value[0], schema) : value;
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  if (
    (type === 'integer' || type === 'number') &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  )
    return Number(value);
  return value;
}

/**
 * The argument an output value makes along a mapping's input path (`p`, `p.x`, `p[]`, `p[].x`):
 * a field inside an argument is set in an otherwise made-up value. Undefined when the result
 * does not satisfy the parameter's schema (then the value is not taken from the output).
 */
function argumentFrom(input: string, param: string, value: unknown, schema: unknown, rng: PathRng): unknown {
  const rest = input.slice(param.length);
  let arg: unknown;
  if (rest === '' || rest === '[]') arg = coerce(value, schema);
  else {
    const field = rest.replace(/^\[\]/, '').replace(/^\./, '').split(/[.[]/)[0];
    const base = synthesizeValue(param, schema, rng);
    const put = (o: unknown, s: unknown) => {
      if (!isRecord(o)) return o;
      const fieldSchema = isRecord(s) && isRecord(s.properties) ? s.properties[field] : undefined;
      return { ...o, [field]: coerce(value, fieldSchema) };
    };
    arg = Array.isArray(base)
      ? base.map((x) => put(x, isRecord(schema) ? schema.items : undefined))
      : put(base, schema);
  }
  return fitsSchema(arg, schema) ? arg : undefined;
}

function planCall(
  fn: GraphFunction,
  nested: boolean,
  done: readonly (readonly Executed[])[],
  current: readonly Earlier[],
  index: GraphIndex,
  rng: PathRng,
  turn: number,
): CallPlan {
  const params = isRecord(fn.parameters.properties) ? fn.parameters.properties : {};
  const args: PlannedArgument[] = [];
  const wanted = new Set(requiredInputs(fn).map((r) => r.name));
  // Earlier calls, most recent first: the current turn's, then earlier turns'.
  const earlier: { turn: number; call: number; e: Earlier }[] = [];
  current.forEach((e, call) => earlier.unshift({ turn, call, e }));
  for (let t = done.length - 1; t >= 0; t--)
    for (let c = done[t].length - 1; c >= 0; c--) earlier.push({ turn: t, call: c, e: { ...done[t][c], ran: true } });

  const fed = new Map<string, PlannedArgument>();
  for (const { turn: t, call, e } of earlier) {
    const edge = index.edge(e.functionId, fn.id);
    if (!edge) continue;
    for (const m of edge.mapping ?? []) {
      const param = Object.keys(params).find((p) => mappingCovers([m], p));
      if (!param || fed.has(param)) continue;
      const name = index.byId.get(e.functionId)?.name ?? e.functionId;
      const source = { from: 'output' as const, turn: t, call, output: m.output, name };
      // A call of this turn that has not run yet: the value is known once it has (see the steps).
      if (!e.ran) {
        fed.set(param, { param, value: undefined, source });
        continue;
      }
      const value = readFieldPath(e.output, m.output);
      if (value === undefined) continue;
      const arg = argumentFrom(m.input, param, value, params[param], rng);
      if (arg !== undefined) fed.set(param, { param, value: arg, source });
    }
    // An edge without a mapping (drawn by a curator): an output field named like the parameter.
    if (!edge.mapping?.length && e.ran)
      for (const param of wanted) {
        if (fed.has(param)) continue;
        const value = readFieldPath(e.output, param);
        const arg = value === undefined ? undefined : argumentFrom(param, param, value, params[param], rng);
        if (arg !== undefined)
          fed.set(param, {
            param,
            value: arg,
            source: {
              from: 'output',
              turn: t,
              call,
              output: param,
              name: index.byId.get(e.functionId)?.name ?? e.functionId,
            },
          });
      }
  }
  for (const param of Object.keys(params)) {
    const f = fed.get(param);
    if (f) args.push(f);
    else if (wanted.has(param)) {
      const value = synthesizeValue(param, params[param], rng);
      args.push({ param, value, source: { from: 'user', value } });
    }
  }
  return { functionId: fn.id, name: fn.name, description: fn.description, parameters: fn.parameters, nested, args };
}

const toolSpec = (fn: GraphFunction) => ({ name: fn.name, description: fn.description, parameters: fn.parameters });

export async function translatePath(
  path: SamplePath,
  graph: TranslationGraph,
  opts: TranslateOptions,
): Promise<Conversation> {
  const { index } = graph;
  const teacher = opts.teacher;
  const executor = opts.executor ?? schemaExecutor;
  const seed = opts.seed ?? path.seed;
  const repairs = opts.repairs ?? 1;

  // The tools: every function the path uses, in first-use order.
  const used: GraphFunction[] = [];
  const seen = new Set<string>();
  for (const t of path.turns)
    for (const id of [...t.calls.map((c) => c.functionId), ...(t.withheld ? [t.withheld.functionId] : [])]) {
      const fn = index.byId.get(id);
      if (fn && !seen.has(id)) {
        seen.add(id);
        used.push(fn);
      }
    }
  // A withheld function is offered from its availableFromTurn on.
  const withheldUntil = new Map<string, number>();
  path.turns.forEach(
    (t) => t.withheld && withheldUntil.set(t.withheld.functionId, t.availableFromTurn ?? path.turns.length),
  );
  const offered = (turn: number) => used.filter((f) => !(withheldUntil.has(f.id) && turn < withheldUntil.get(f.id)!));

  const history: ConversationMessage[] = [];
  const queries: string[] = [];
  const turns: ConversationTurn[] = [];
  const done: Executed[][] = [];
  let failedAt: number | null = null;
  /** A value the user owes from a miss_param turn: given at the start of the next turn. */
  let owed: { param: string; value: unknown } | null = null;
  /** The plans an empty (miss_*) turn worded its message from: the next turn asks for the same values. */
  let carried: CallPlan[] | null = null;

  for (let ti = 0; ti < path.turns.length; ti++) {
    const pt = path.turns[ti];
    const tools = offered(ti);
    const turn: ConversationTurn = {
      index: ti,
      kind: pt.kind,
      status: 'ok',
      tools: tools.map((f) => f.name),
      messages: [],
    };
    turns.push(turn);
    if (failedAt !== null) {
      turn.status = 'failed';
      turn.failure = `not translated: turn ${failedAt + 1} failed`;
      done.push([]);
      continue;
    }
    const fail = (why: string) => {
      turn.status = 'failed';
      turn.failure = why;
      failedAt = ti;
    };
    const say = (m: ConversationMessage) => {
      turn.messages.push(m);
      history.push(m);
    };
    const rng = new PathRng(`${seed}:plan:${ti}`);
    try {
      if (pt.kind !== 'normal') {
        // The empty turn speaks for the next one: plan that turn's calls to word the message.
        const next = path.turns[ti + 1];
        if (!next || next.kind !== 'normal')
          throw new Error(`${pt.kind} turn ${ti + 1} is not followed by a turn with calls`);
        const plans = next.calls.map((c) => {
          const fn = index.byId.get(c.functionId);
          if (!fn) throw new Error(`turn ${ti + 2} calls ${c.name}, which is not in the library`);
          return planCall(fn, !!c.nested, done, [], index, rng, ti);
        });
        const omit =
          pt.kind === 'miss_param' && pt.missing ? { call: pt.missing.callIndex, param: pt.missing.param } : undefined;
        const query = await teacher.writeQuery({
          turn: ti,
          calls: plans,
          omit,
          history,
          previousQueries: queries,
          seed,
        });
        queries.push(query);
        say({ role: 'user', content: query });
        const target =
          pt.kind === 'miss_param'
            ? plans[pt.missing?.callIndex ?? 0]
            : plans.find((p) => p.functionId === pt.withheld?.functionId);
        if (!target) throw new Error(`${pt.kind} turn ${ti + 1} names a call the next turn does not have`);
        say({
          role: 'assistant',
          content: await teacher.writeMissing({
            turn: ti,
            query,
            param: pt.kind === 'miss_param' ? pt.missing?.param : undefined,
            function: { name: target.name, description: target.description },
            history,
            seed,
          }),
        });
        if (pt.kind === 'miss_param' && pt.missing) {
          const arg = target.args.find((a) => a.param === pt.missing!.param);
          owed = {
            param: pt.missing.param,
            value: arg?.value ?? synthesizeValue(pt.missing.param, target.parameters, rng),
          };
        }
        carried = plans;
        done.push([]);
        continue;
      }

      const fns = pt.calls.map((c) => {
        const fn = index.byId.get(c.functionId);
        if (!fn) throw new Error(`calls ${c.name}, which is not in the library`);
        return fn;
      });
      // The message is worded from plans made before anything runs: a value an earlier call of
      // this turn will return is referred to, not given.
      const pending: Earlier[] = [];
      const plans = fns.map((fn, ci) => {
        const plan = planCall(fn, !!pt.calls[ci].nested, done, pending, index, rng, ti);
        pending.push({ functionId: fn.id, ran: false });
        // After a miss_func or miss_param turn the user asks again for the same thing, with the same values.
        const before = carried?.[ci];
        if (before?.functionId === fn.id)
          for (const a of plan.args) {
            const said = before.args.find((b) => b.param === a.param);
            if (a.source.from === 'user' && said?.source.from === 'user') a.value = said.value;
          }
        return plan;
      });
      carried = null;
      let query: string;
      let supplied: { param: string; value: unknown } | null = null;
      if (owed) {
        // The user gives the value the assistant asked for; the turn before described the task.
        supplied = owed;
        owed = null;
        query = await teacher.writeSupply({ turn: ti, param: supplied.param, value: supplied.value, history, seed });
      } else {
        query = await teacher.writeQuery({ turn: ti, calls: plans, history, previousQueries: queries, seed });
        if (path.turns[ti - 1]?.kind === 'miss_func') query = `Let's try that again. ${query}`;
      }
      queries.push(query);
      say({ role: 'user', content: query });

      // Calls run in steps: a call that needs an output of a call of this turn (a nested call, or
      // merged calls along an edge) waits for the next assistant message.
      const byName = new Map(tools.map((f) => [f.name, f]));
      const executed: Executed[] = [];
      const records: ToolCallRecord[] = [];
      let ci = 0;
      let failed = false;
      while (ci < fns.length && !failed) {
        const ran: Earlier[] = executed.map((e) => ({ ...e, ran: true }));
        const step: CallPlan[] = [];
        for (let cj = ci; cj < fns.length; cj++) {
          const inStep: Earlier[] = step.map((p) => ({ functionId: p.functionId, ran: false }));
          const plan = planCall(fns[cj], !!pt.calls[cj].nested, done, [...ran, ...inStep], index, rng, ti);
          // Values the user gave stay the ones the message gave.
          for (const a of plan.args) {
            const said = plans[cj].args.find((b) => b.param === a.param);
            if (a.source.from === 'user' && said?.source.from === 'user') a.value = said.value;
          }
          const waits = plan.args.some(
            (a) => a.source.from === 'output' && a.source.turn === ti && a.source.call >= executed.length,
          );
          if (waits && step.length > 0) break;
          if (supplied)
            for (const a of plan.args)
              if (a.param === supplied.param && a.source.from === 'user') a.value = supplied.value;
          step.push(plan);
        }
        let calls = await teacher.writeCalls({
          turn: ti,
          query,
          calls: step,
          tools: tools.map(toolSpec),
          history,
          seed,
        });
        let issues = callIssues(calls, step, byName);
        for (let r = 0; r < repairs && issues.length; r++) {
          calls = await teacher.writeCalls({
            turn: ti,
            query,
            calls: step,
            tools: tools.map(toolSpec),
            history,
            issues,
            seed,
          });
          issues = callIssues(calls, step, byName);
        }
        if (issues.length) {
          fail(issues.map((i) => i.message).join('; '));
          failed = true;
          break;
        }
        const stepRecords: ToolCallRecord[] = [];
        for (const c of calls) {
          const fn = byName.get(c.name)!;
          const args = c.arguments as Record<string, unknown>;
          const output = await executor(fn, args, { seed, turn: ti, call: ci + stepRecords.length });
          stepRecords.push({
            callId: `call_${ti}_${ci + stepRecords.length}`,
            functionId: fn.id,
            name: fn.name,
            arguments: args,
            output,
          });
        }
        say({ role: 'assistant', content: '', toolCalls: stepRecords });
        for (const r of stepRecords) {
          say({ role: 'tool', callId: r.callId, name: r.name, content: JSON.stringify(r.output) });
          executed.push({ functionId: r.functionId, output: r.output });
          records.push(r);
        }
        ci += stepRecords.length;
      }
      if (failed) {
        done.push(executed);
        continue;
      }
      say({
        role: 'assistant',
        content: await teacher.writeAnswer({ turn: ti, query, calls: records, history, seed }),
      });
      done.push(executed);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
      done.push([]);
    }
  }
  return {
    tools: used.map((f) => ({
      type: 'function',
      function: { name: f.name, description: f.description, parameters: f.parameters },
    })),
    turns,
    ok: turns.every((t) => t.status === 'ok'),
  };
}

/** What is wrong with a turn's calls: each call against its function, and against the path's plan. */
function callIssues(
  calls: { name: string; arguments: unknown }[],
  plans: readonly CallPlan[],
  tools: ReadonlyMap<string, GraphFunction>,
): CallIssue[] {
  const issues: CallIssue[] = [];
  const fns = new Map([...tools].map(([k, f]) => [k, { parameters: f.parameters }]));
  calls.forEach((c, i) => {
    for (const issue of checkCall(c.name, c.arguments, fns))
      issues.push({ ...issue, message: `call ${i + 1}: ${issue.message}` });
  });
  const want = plans.map((p) => p.name).join(', ');
  const got = calls.map((c) => c.name).join(', ');
  if (want !== got)
    issues.push({
      code: 'invalid',
      at: '',
      message: `the turn calls for ${want}, the answer called ${got || 'nothing'}`,
    });
  return issues;
}
