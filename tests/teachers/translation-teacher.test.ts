// The LLM translation teacher against local fakes of the three APIs (OpenAI-compatible,
// Anthropic, Gemini): whole demo paths, and each failure mode (429, 500, a hung connection,
// malformed JSON, bad tool calls) with the records every attempt leaves and the API key kept
// out of all of them.
import { afterEach, describe, expect, it } from 'vitest';
import { samplePaths, type SamplePath } from '../../lib/magnet/paths';
import { prepareGraph, translatePath, type Conversation } from '../../lib/magnet/translate';
import { createRateLimiter } from '../../lib/teachers/rate-limit';
import {
  createLlmTranslationTeacher,
  type LlmTranslationTeacherOptions,
  type TeacherProvider,
} from '../../lib/teachers/translation-teacher';
import type { LlmExchangeRecord } from '../../lib/teachers/types';
import { demoGraph } from '../magnet/paths/helpers';
import {
  plannedCalls,
  startFakeProvider,
  type Behave,
  type FakeProtocol,
  type FakeServer,
  type FakeServerOptions,
} from './fake-providers';

const API_KEY = 'sk-test-SECRET';

const PROVIDERS: { provider: TeacherProvider; protocol: FakeProtocol; model: string; keyHeader: string }[] = [
  { provider: 'openai-compatible', protocol: 'openai', model: 'gpt-test', keyHeader: 'authorization' },
  { provider: 'anthropic', protocol: 'anthropic', model: 'claude-test', keyHeader: 'x-api-key' },
  { provider: 'google', protocol: 'google', model: 'gemini-test', keyHeader: 'x-goog-api-key' },
];

const graph = demoGraph();
const prepared = prepareGraph(graph);
const realParameters = new Map(graph.functions.map((f) => [f.name, f.parameters]));
const paths = samplePaths(graph, { count: 3, seed: 'llm-teacher', split: 0.5 });
/** One normal turn per call, nothing inserted: the first turn has exactly one call. */
const [simplePath] = samplePaths(graph, { count: 1, seed: 'bad', split: 0, merge: 0, insert: 0 });

const supplyRequest = { turn: 1, param: 'city', value: 'Lisbon', history: [], seed: 's' };
const isCallsRequest = (prompt: string) => plannedCalls(prompt).length > 0;

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(PROVIDERS)('$provider translation teacher', ({ provider, protocol, model, keyHeader }) => {
  let records: LlmExchangeRecord[] = [];

  async function start(behave?: Behave, extra: FakeServerOptions = {}) {
    records = [];
    server = await startFakeProvider(protocol, { behave, parameters: realParameters, ...extra });
    return server;
  }

  function teacher(extra: Partial<LlmTranslationTeacherOptions> = {}) {
    return createLlmTranslationTeacher({
      name: 'test-teacher',
      provider,
      baseURL: server!.baseURL,
      model,
      apiKey: API_KEY,
      timeoutMs: 5000,
      maxTokens: 1024, // else the Anthropic provider warns that it does not know the model's limit
      retryBaseDelayMs: 5,
      onExchange: (r) => {
        records.push(r);
      },
      ...extra,
    });
  }

  /** Every HTTP request left a record, and the key is in none of them (nor in anything else given). */
  function expectCleanRecords(...more: unknown[]) {
    expect(records.filter((r) => !r.cached)).toHaveLength(server!.requests.length);
    for (const r of records) expect(r.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify([records, more.map((m) => (m instanceof Error ? m.message : m))])).not.toContain(API_KEY);
    expect(JSON.stringify(records)).not.toContain('SECRET');
  }

  async function translate(list: SamplePath[], t = teacher()) {
    const out: Conversation[] = [];
    for (const p of list) out.push(await translatePath(p, prepared, { teacher: t }));
    return out;
  }

  it('translates demo paths with every turn ok, one record per request', async () => {
    await start();
    const t = teacher();
    const conversations = await translate(paths, t);
    const failures = conversations.flatMap((c) => c.turns.filter((x) => x.status !== 'ok').map((x) => x.failure));
    expect(failures).toEqual([]);
    const kinds = new Set(conversations.flatMap((c) => c.turns.map((x) => x.kind)));
    expect(kinds.size).toBeGreaterThan(1); // miss turns too
    // Messages and calls came from the model.
    const first = conversations[0].turns[0].messages;
    expect(first[0]).toEqual({ role: 'user', content: expect.stringMatching(/^Could you take care of this/) });
    expect(first.some((m) => m.role === 'assistant' && m.toolCalls?.length)).toBe(true);

    // The key went out in the provider's header, and nowhere into the records.
    const sentKey = String(server!.requests[0].headers[keyHeader]);
    expect(sentKey.endsWith(API_KEY)).toBe(true);
    expectCleanRecords(conversations);
    const ops = new Set(records.map((r) => r.operation));
    for (const op of ['write_query', 'write_calls', 'write_answer'] as const) expect(ops).toContain(op);
    for (const r of records) {
      expect(r.error).toBeUndefined();
      expect(r.result).toBeDefined();
      expect(r.tokensIn).toBe(100);
      expect(r.tokensOut).toBe(20);
      expect((r.response as { status: number }).status).toBe(200);
    }
    // The request is the body as sent: the model is in it (Gemini puts it in the URL).
    if (protocol !== 'google') expect((records[0].request as { model: string }).model).toBe(model);
    const calls = records.find((r) => r.operation === 'write_calls')!;
    expect(calls.result).toEqual([{ name: expect.any(String), arguments: expect.any(Object) }]);
    expect(t.usage()).toEqual({
      inputTokens: 100 * records.length,
      outputTokens: 20 * records.length,
      requests: records.length,
      cacheHits: 0,
    });
  });

  it('simulates an output as JSON', async () => {
    await start();
    const fn = graph.functions.find((f) => f.returns && Object.keys(f.returns).length)!;
    const output = await teacher().simulateOutput({
      function: { name: fn.name, description: fn.description, parameters: fn.parameters, returns: fn.returns },
      arguments: {},
      history: [],
      seed: 's',
    });
    expect(output).toBeTypeOf('object');
    expect(records[0].operation).toBe('simulate_output');
    expect(records[0].result).toEqual(output);
  });

  it('retries a 429 after the wait the server asks for', async () => {
    // Anthropic's retry-after in seconds; the others' retry-after-ms.
    const headers: Record<string, string> =
      protocol === 'anthropic' ? { 'retry-after': '1' } : { 'retry-after-ms': '300' };
    const wait = protocol === 'anthropic' ? 1000 : 300;
    await start((req) =>
      req.n === 1
        ? { kind: 'error', status: 429, message: 'slow down', headers }
        : { kind: 'message', message: 'Use Lisbon.' },
    );
    const message = await teacher().writeSupply(supplyRequest);
    expect(message).toBe('Use Lisbon.');
    expect(server!.requests).toHaveLength(2);
    expect(server!.requests[1].at - server!.requests[0].at).toBeGreaterThanOrEqual(wait - 20);
    expect(records.map((r) => r.error)).toEqual(['HTTP 429: slow down', undefined]);
    expect(records[0].response).toMatchObject({ status: 429 });
    expect(records[0].requestHash).toBe(records[1].requestHash);
    expectCleanRecords();
  });

  it('retries a 500, and gives up after maxRetries with a one-line reason', async () => {
    await start((req) => (req.n === 1 ? { kind: 'error', status: 500, message: 'overloaded' } : { kind: 'sensible' }));
    await expect(teacher().writeSupply(supplyRequest)).resolves.toMatch(/^Could you take care/);
    expect(records.map((r) => r.error)).toEqual(['HTTP 500: overloaded', undefined]);

    await server!.close();
    await start(() => ({ kind: 'error', status: 500, message: `overloaded (${API_KEY})` }));
    const error = await teacher({ maxRetries: 2 })
      .writeSupply(supplyRequest)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('write_supply failed: HTTP 500: overloaded ([redacted]) (after 3 attempts)');
    expect(records).toHaveLength(3);
    expectCleanRecords(error);
  });

  it('times out a hung connection: the turn fails with the reason and nothing hangs', async () => {
    await start(() => ({ kind: 'hang' }));
    const started = Date.now();
    const [conversation] = await translate([simplePath], teacher({ timeoutMs: 300, maxRetries: 1 }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(conversation.ok).toBe(false);
    expect(conversation.turns[0].failure).toBe('write_query failed: no answer within 300 ms (after 2 attempts)');
    expect(conversation.turns.slice(1).every((t) => t.failure === 'not translated: turn 1 failed')).toBe(true);
    expect(records.map((r) => [r.error, r.response])).toEqual([
      ['no answer within 300 ms', null],
      ['no answer within 300 ms', null],
    ]);
    expectCleanRecords(conversation);
  });

  it('handles malformed JSON: a broken body is asked again, prose is taken, broken JSON twice fails', async () => {
    await start((req) =>
      req.n === 1 ? { kind: 'raw', body: '{"choices": [' } : { kind: 'message', message: 'Use Lisbon.' },
    );
    await expect(teacher().writeSupply(supplyRequest)).resolves.toBe('Use Lisbon.');
    expect(records[0].error).toMatch(/^malformed response: /);
    expect(records[0].response).toEqual({ status: 200, body: '{"choices": [' });
    expectCleanRecords();

    await server!.close();
    await start(() => ({ kind: 'text', text: 'Sure, go with Lisbon please.' }));
    await expect(teacher().writeSupply(supplyRequest)).resolves.toBe('Sure, go with Lisbon please.');
    expect(server!.requests).toHaveLength(1);

    await server!.close();
    await start(() => ({ kind: 'text', text: '{"message": "Use Lis' }));
    const error = await teacher()
      .writeSupply(supplyRequest)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'write_supply failed: the answer is not the {"message": ...} asked for: {"message": "Use Lis (after 2 attempts)',
    );
    expect(server!.requests).toHaveLength(2);
    expectCleanRecords(error);
  });

  it('returns a call to a function that does not exist as made: the loop asks for a repair with the issue', async () => {
    const repairs: string[] = [];
    await start((req) => {
      if (!isCallsRequest(req.prompt)) return { kind: 'sensible' };
      if (/Your last calls had these problems/.test(req.prompt)) {
        repairs.push(req.prompt);
        return { kind: 'sensible' };
      }
      return { kind: 'calls', calls: [{ name: 'no_such_function', arguments: { x: 1 } }] };
    });
    const [conversation] = await translate([simplePath]);
    expect(conversation.turns.map((t) => t.failure)).toEqual(conversation.turns.map(() => undefined));
    expect(repairs.length).toBeGreaterThan(0);
    expect(repairs[0]).toContain('there is no function "no_such_function" among the tools offered');
    const bad = records.find((r) => r.operation === 'write_calls')!;
    expect(bad.result).toEqual([{ name: 'no_such_function', arguments: { x: 1 } }]);
    expectCleanRecords();
  });

  it('returns arguments of the wrong type as made: when the repair is as bad, the turn fails with the check', async () => {
    const repairs: string[] = [];
    await start((req) => {
      if (!isCallsRequest(req.prompt)) return { kind: 'sensible' };
      if (/Your last calls had these problems/.test(req.prompt)) repairs.push(req.prompt);
      const tool = req.tools.find((t) => t.name === plannedCalls(req.prompt)[0])!;
      const required = (tool.parameters.required as string[] | undefined) ?? [];
      const params = required.length ? required : Object.keys(tool.parameters.properties ?? {});
      // Every required value an array: no parameter of the demo library takes one at the top level.
      return {
        kind: 'calls',
        calls: [{ name: tool.name, arguments: Object.fromEntries(params.map((p) => [p, [1]])) }],
      };
    });
    const [conversation] = await translate([simplePath]);
    expect(conversation.ok).toBe(false);
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toMatch(/call 1: \w+: \/\w+ must be (string|number|integer|boolean|object)/);
    expect(conversation.turns[0].failure).toMatch(/^call 1: \w+: \/\w+ must be (string|number|integer|boolean|object)/);
    expectCleanRecords(conversation);
  });

  it('answers from the cache without a request', async () => {
    await start();
    const first = await teacher().writeSupply(supplyRequest);
    const stored = new Map(records.filter((r) => r.result !== undefined).map((r) => [r.requestHash, r.result]));
    const asked: string[] = [];
    const cached = teacher({
      cache: {
        get: async (hash) => {
          asked.push(hash);
          return stored.get(hash);
        },
      },
    });
    records = [];
    const again = await cached.writeSupply(supplyRequest);
    expect(again).toBe(first);
    expect(server!.requests).toHaveLength(1);
    expect(records).toEqual([
      expect.objectContaining({
        cached: true,
        tokensIn: 0,
        tokensOut: 0,
        latencyMs: 0,
        result: first,
        requestHash: asked[0],
      }),
    ]);
    expect(cached.usage()).toEqual({ inputTokens: 0, outputTokens: 0, requests: 0, cacheHits: 1 });
    expect(JSON.stringify(records)).not.toContain(API_KEY);
    // A different request misses and goes out.
    await cached.writeSupply({ ...supplyRequest, value: 'Oslo' });
    expect(server!.requests).toHaveLength(2);
  });
});

describe('openai-compatible specifics', () => {
  function teacher(extra: Partial<LlmTranslationTeacherOptions> = {}) {
    return createLlmTranslationTeacher({
      name: 'test-teacher',
      provider: 'openai-compatible',
      baseURL: server!.baseURL,
      model: 'gpt-test',
      apiKey: API_KEY,
      retryBaseDelayMs: 5,
      ...extra,
    });
  }

  it('returns arguments that are not JSON as the raw text, which the loop reports', async () => {
    let repairs = 0;
    server = await startFakeProvider('openai', {
      parameters: realParameters,
      behave: (req) => {
        if (!isCallsRequest(req.prompt)) return { kind: 'sensible' };
        if (/are not a JSON object/.test(req.prompt)) repairs++;
        return { kind: 'calls', calls: [{ name: plannedCalls(req.prompt)[0], arguments: '{"account_id": ' }] };
      },
    });
    const records: LlmExchangeRecord[] = [];
    const t = teacher({ onExchange: (r) => void records.push(r) });
    const [conversation] = [await translatePath(simplePath, prepared, { teacher: t })];
    expect(repairs).toBe(1);
    expect(conversation.turns[0].failure).toMatch(/the arguments of \w+ are not a JSON object/);
    const calls = records.find((r) => r.operation === 'write_calls')!;
    expect(calls.result).toEqual([{ name: expect.any(String), arguments: '{"account_id": ' }]);
  });

  it('falls back from json_schema to json_object to plain text when the server rejects the response format', async () => {
    server = await startFakeProvider('openai', {
      behave: (req) => {
        const format = (req.body.response_format as { type?: string } | undefined)?.type;
        if (format) return { kind: 'error', status: 400, message: `response_format ${format} is not supported` };
        return { kind: 'text', text: '{"message": "Use Lisbon."}' };
      },
    });
    const t = teacher();
    await expect(t.writeSupply(supplyRequest)).resolves.toBe('Use Lisbon.');
    expect(server.requests.map((r) => (r.body.response_format as { type?: string } | undefined)?.type)).toEqual([
      'json_schema',
      'json_object',
      undefined,
    ]);
    // Remembered: the next request goes straight to the mode that worked.
    await t.writeSupply({ ...supplyRequest, value: 'Oslo' });
    expect(server.requests).toHaveLength(4);
    expect(server.requests[3].body.response_format).toBeUndefined();
  });

  it('falls back to tool choice "auto" when the server rejects "required"', async () => {
    server = await startFakeProvider('openai', {
      parameters: realParameters,
      behave: (req) =>
        req.body.tool_choice === 'required'
          ? { kind: 'error', status: 400, message: 'tool_choice "required" is not supported' }
          : { kind: 'sensible' },
    });
    const conversation = await translatePath(simplePath, prepared, { teacher: teacher() });
    expect(conversation.ok).toBe(true);
    expect(server.requests.filter((r) => r.body.tool_choice === 'required')).toHaveLength(1);
  });

  it('rejects at once with the abort reason when the signal aborts', async () => {
    server = await startFakeProvider('openai', { behave: () => ({ kind: 'hang' }) });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('stopped by the user')), 100);
    await expect(teacher({ signal: controller.signal }).writeSupply(supplyRequest)).rejects.toThrow(
      'stopped by the user',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('waits for the rate limiter before each attempt', async () => {
    server = await startFakeProvider('openai');
    const limiter = createRateLimiter({ requestsPerMinute: 1, windowMs: 250 });
    const t = teacher({ limiter });
    await Promise.all([t.writeSupply(supplyRequest), t.writeSupply({ ...supplyRequest, value: 'Oslo' })]);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(230);
  });

  it('names the operation, never the key, when the key is refused', async () => {
    server = await startFakeProvider('openai', {
      behave: (req) => ({ kind: 'error', status: 401, message: `invalid key ${String(req.headers.authorization)}` }),
    });
    const error = await teacher()
      .writeQuery({ turn: 0, calls: [], history: [], previousQueries: [], seed: 's' })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('write_query failed: HTTP 401: invalid key Bearer [redacted]');
    expect(server.requests).toHaveLength(1); // not retried
  });

  it('uses prompt overrides, with their own version in the cache key', async () => {
    server = await startFakeProvider('openai');
    const records: LlmExchangeRecord[] = [];
    const onExchange = (r: LlmExchangeRecord) => void records.push(r);
    await teacher({ onExchange }).writeSupply(supplyRequest);
    await teacher({ onExchange, prompts: { write_supply: 'Say that {{param}} is {{value}}.' } }).writeSupply(
      supplyRequest,
    );
    expect(JSON.stringify(server.requests[1].body.messages)).toContain('Say that city is \\"Lisbon\\".');
    expect(records[0].requestHash).not.toBe(records[1].requestHash);
  });
});

describe('hinted turns through an LLM teacher', () => {
  it('sends the hints, returns the reasoning and the calls as the model made them, and caches them', async () => {
    const hints = { kind: 'positive' as const, calls: [{ name: 'get_booking', arguments: { booking_id: 'BK-7' } }] };
    const server = await startFakeProvider('openai', {
      behave: (req) =>
        req.tools.length
          ? { kind: 'calls', text: 'The user wants their booking, so I look it up.', calls: [{ name: 'get_booking', arguments: { booking_id: 'BK-7' } }] }
          : { kind: 'sensible' },
    });
    try {
      const records: LlmExchangeRecord[] = [];
      const stored = new Map<string, unknown>();
      const teacher = createLlmTranslationTeacher({
        name: 'hinted',
        provider: 'openai-compatible',
        baseURL: server.baseURL,
        model: 'gpt-test',
        apiKey: API_KEY,
        onExchange: (r) => {
          records.push(r);
          if (!r.error && r.result !== undefined) stored.set(r.requestHash, r.result);
        },
        cache: { get: async (h) => stored.get(h) },
      });
      const tools = [{ name: 'get_booking', description: 'Look up a booking.', parameters: { type: 'object', properties: { booking_id: { type: 'string' } }, required: ['booking_id'] } }];
      const req = { turn: 0, query: 'Where is my booking BK-7?', tools, history: [], hints, seed: 's' };
      const turn = await teacher.writeHintedTurn(req);
      expect(turn).toEqual({ reasoning: 'The user wants their booking, so I look it up.', calls: hints.calls });
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.prompt).toContain('get_booking({"booking_id":"BK-7"})');
      expect(records[0]!.operation).toBe('write_hinted_turn');
      expect(JSON.stringify(records)).not.toContain(API_KEY);
      // The same request again: from the cache, no second request.
      expect(await teacher.writeHintedTurn(req)).toEqual(turn);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
