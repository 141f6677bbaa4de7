// The template teacher on real paths: every call passes schema validation, and every value an
// edge says comes from an earlier output does come from it.
import { describe, expect, it } from 'vitest';
import { samplePaths, type PathGraph, type SamplePath } from '../../../lib/magnet/paths';
import {
  checkCall,
  createTemplateTeacher,
  fitsSchema,
  words,
  prepareGraph,
  readFieldPath,
  translatePath,
  type Conversation,
  type TranslationTeacher,
} from '../../../lib/magnet/translate';
import { bfclGraph, demoGraph, hasBfcl } from '../paths/helpers';

async function translateAll(
  graph: PathGraph,
  paths: SamplePath[],
  teacher: TranslationTeacher = createTemplateTeacher(),
) {
  const g = prepareGraph(graph);
  const out: Conversation[] = [];
  for (const p of paths) out.push(await translatePath(p, g, { teacher }));
  return out;
}

/** Checks every call and every edge-fed value; returns counts. */
function audit(graph: PathGraph, conversations: Conversation[]) {
  const fns = new Map(graph.functions.map((f) => [f.name, { parameters: f.parameters }]));
  const byId = new Map(graph.functions.map((f) => [f.id, f]));
  let calls = 0;
  let fed = 0;
  for (const c of conversations) {
    const outputs: unknown[][] = [];
    for (const t of c.turns) {
      const mine: unknown[] = [];
      outputs.push(mine);
      for (const m of t.messages) {
        if (m.role !== 'assistant' || !m.toolCalls) continue;
        for (const call of m.toolCalls) {
          calls++;
          expect(checkCall(call.name, call.arguments, fns), `${call.name} ${JSON.stringify(call.arguments)}`).toEqual(
            [],
          );
          expect(t.tools).toContain(call.name);
          mine.push(call.output);
        }
      }
    }
    // Every argument an edge could feed from an earlier call's output takes one of those values,
    // unless none of them fits the parameter's schema (then a made-up value is right).
    const earlierCalls = (callId: string) =>
      c.turns
        .flatMap((u) => u.messages.flatMap((x) => (x.role === 'assistant' && x.toolCalls ? x.toolCalls : [])))
        .filter((x) => ordered(x.callId, callId));
    for (const t of c.turns)
      for (const m of t.messages)
        if (m.role === 'assistant' && m.toolCalls)
          for (const call of m.toolCalls) {
            const fn = byId.get(call.functionId)!;
            const props = (fn.parameters.properties ?? {}) as Record<string, unknown>;
            const candidates = new Map<string, unknown[]>();
            for (const src of earlierCalls(call.callId))
              for (const e of graph.edges)
                if (e.fromId === src.functionId && e.toId === call.functionId && e.status !== 'rejected')
                  for (const mp of e.mapping ?? []) {
                    if (mp.input !== mp.input.split(/[.[]/)[0]) continue;
                    const v = readFieldPath(src.output, mp.output);
                    if (v === undefined) continue;
                    const forms = [v, ...(Array.isArray(v) ? [v[0]] : [[v]])];
                    candidates.set(mp.input, [...(candidates.get(mp.input) ?? []), ...forms]);
                  }
            for (const [param, values] of candidates) {
              if (!(param in call.arguments)) continue;
              const arg = JSON.stringify(call.arguments[param]);
              const same = values.some((v) => JSON.stringify(v) === arg || String(v) === String(call.arguments[param]));
              if (same) fed++;
              else
                expect(
                  values.some(
                    (v) =>
                      fitsSchema(v, props[param]) ||
                      fitsSchema(String(v), props[param]) ||
                      fitsSchema(Number(v), props[param]),
                  ),
                  `${call.name}.${param} = ${arg} though an earlier output offers ${JSON.stringify(values)}`,
                ).toBe(false);
            }
          }
  }
  return { calls, fed };
}

const ordered = (a: string, b: string) => {
  const [, ta, ca] = a.split('_').map(Number);
  const [, tb, cb] = b.split('_').map(Number);
  return ta < tb || (ta === tb && ca < cb);
};

describe('template teacher', () => {
  it('translates demo paths: valid calls, edge-fed values from earlier outputs, no repeated message', async () => {
    const graph = demoGraph();
    const paths = samplePaths(graph, { count: 100, seed: 'tt', split: 0.5 });
    const conversations = await translateAll(graph, paths);
    expect(conversations.filter((c) => !c.ok).map((c) => c.turns.find((t) => t.status === 'failed')?.failure)).toEqual(
      [],
    );
    const { calls, fed } = audit(graph, conversations);
    expect(calls).toBeGreaterThan(300);
    expect(fed).toBeGreaterThan(100);
    for (const c of conversations) {
      const users = c.turns.flatMap((t) => t.messages.filter((m) => m.role === 'user').map((m) => m.content));
      expect(new Set(users).size).toBe(users.length);
    }
    console.log(`demo: 100 paths, ${calls} calls valid, ${fed} edge-fed values from earlier outputs`);
  });

  it('is deterministic for a seed', async () => {
    const graph = demoGraph();
    const paths = samplePaths(graph, { count: 20, seed: 'det' });
    expect(JSON.stringify(await translateAll(graph, paths))).toBe(JSON.stringify(await translateAll(graph, paths)));
  });

  it('words miss_param and miss_func turns as the method asks', async () => {
    const graph = demoGraph();
    const paths = samplePaths(graph, { count: 200, seed: 'split', split: 1 });
    const conversations = await translateAll(graph, paths);
    let param = 0;
    let func = 0;
    conversations.forEach((c, i) => {
      c.turns.forEach((t, ti) => {
        const pt = paths[i].turns[ti];
        if (t.kind === 'miss_param') {
          param++;
          expect(t.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
          expect(t.messages[1].content).toMatch(/\?$/);
          const next = c.turns[ti + 1];
          const calls = next.messages.flatMap((m) => (m.role === 'assistant' && m.toolCalls ? m.toolCalls : []));
          const value = calls[pt.missing!.callIndex].arguments[pt.missing!.param];
          expect(next.messages[0].content).toContain(String(value));
          expect(t.messages[0].content).not.toContain(`${words(pt.missing!.param)} ${String(value)}`);
        }
        if (t.kind === 'miss_func') {
          func++;
          expect(t.tools).not.toContain(pt.withheld!.name);
          expect(t.messages[1].content).toMatch(/can't/);
          expect(c.turns[ti + 1].tools).toContain(pt.withheld!.name);
          // The user asks again for the same thing: the values said in the retry were said before.
          const retry = c.turns[ti + 1];
          const said = retry.messages.flatMap((m) => (m.role === 'assistant' && m.toolCalls ? m.toolCalls : []));
          for (const call of said)
            for (const v of Object.values(call.arguments))
              if (typeof v === 'string' && v.length > 3 && retry.messages[0].content.includes(v))
                expect(t.messages[0].content, `${call.name}: ${v}`).toContain(v);
        }
      });
    });
    expect(param).toBeGreaterThan(20);
    expect(func).toBeGreaterThan(20);
  });

  it('repairs a bad answer once, then keeps the turn as failed with the reason', async () => {
    const graph = demoGraph();
    const [path] = samplePaths(graph, { count: 1, seed: 'bad', split: 0, merge: 0, insert: 0 });
    const base = createTemplateTeacher();
    let asked = 0;
    const once: TranslationTeacher = {
      ...base,
      writeCalls: async (req) => (asked++ === 0 ? [{ name: 'no_such_function', arguments: {} }] : base.writeCalls(req)),
    };
    const repaired = await translatePath(path, prepareGraph(graph), { teacher: once });
    expect(repaired.ok).toBe(true);
    const broken: TranslationTeacher = {
      ...base,
      writeCalls: async (req) =>
        req.calls.map((c) => ({
          name: c.name,
          arguments: { ...Object.fromEntries(c.args.map((a) => [a.param, 12345])), extra: 1 },
        })),
    };
    const failed = await translatePath(path, prepareGraph(graph), { teacher: broken });
    expect(failed.ok).toBe(false);
    expect(failed.turns[0].status).toBe('failed');
    expect(failed.turns[0].failure).toMatch(/takes no parameter "extra"/);
    expect(failed.turns.slice(1).every((t) => t.failure === 'not translated: turn 1 failed')).toBe(true);
  });
});

describe.skipIf(!hasBfcl)('template teacher on BFCL v3', () => {
  it('turns 100 paths into conversations whose calls all validate and whose edge-fed values come from earlier outputs', async () => {
    const graph = bfclGraph();
    const paths = samplePaths(graph, { count: 100, seed: 'bfcl' });
    const conversations = await translateAll(graph, paths);
    expect(conversations.filter((c) => !c.ok).map((c) => c.turns.find((t) => t.status === 'failed')?.failure)).toEqual(
      [],
    );
    const { calls, fed } = audit(graph, conversations);
    console.log(`BFCL v3: 100 paths, ${calls} calls valid, ${fed} edge-fed values from earlier outputs`);
    expect(fed).toBeGreaterThan(50);
  });
});

describe('hinted turns (distillation)', () => {
  it('the template teacher makes exactly the hinted calls and reasons without mentioning hints', async () => {
    const teacher = createTemplateTeacher();
    const tools = [
      { name: 'get_booking', description: 'Look up a booking by its id.', parameters: { type: 'object' } },
      { name: 'cancel_booking', description: 'Cancel a booking.', parameters: { type: 'object' } },
    ];
    const hints = { kind: 'negative' as const, error: 'wrong argument', calls: [{ name: 'get_booking', arguments: { booking_id: 'BK-1' } }, { name: 'cancel_booking', arguments: { booking_id: 'BK-2' } }] };
    const turn = await teacher.writeHintedTurn({ turn: 0, query: 'Cancel my booking BK-1.', tools, history: [], hints, seed: 's' });
    expect(turn.calls).toEqual(hints.calls);
    expect(turn.calls[0]).not.toBe(hints.calls[0]);
    expect(turn.reasoning).toMatch(/look up a booking.*cancel a booking/i);
    expect(turn.reasoning).not.toMatch(/hint|reference|given/i);
  });
});
