import { afterEach, describe, expect, it } from 'vitest';
import { JUDGE_ANSWER_JSON_SCHEMA } from '../../lib/magnet/graph/judge-prompt';
import {
  createOpenAICompatibleTeacher,
  type OpenAICompatibleTeacherOptions,
} from '../../lib/teachers/openai-compatible';
import type { JudgePair } from '../../lib/teachers/types';
import {
  promptPairs,
  sendChat,
  sendError,
  startServer,
  userMessage,
  type PromptPair,
  type Reply,
  type TestServer,
} from './openai-server';

const API_KEY = 'sk-test-9f8e7d6c5b4a3210-secret';
const LABELS = ['full', 'partial', 'prerequisite', 'none'] as const;

function pairs(n: number): JudgePair[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `edge-${i}`,
    from: {
      name: `find_item_${i}`,
      description: `Finds item ${i}.`,
      returns: { type: 'object', properties: { item_id: { type: 'string' } } },
    },
    to: {
      name: `use_item_${i}`,
      description: `Uses item ${i}.`,
      parameters: { type: 'object', properties: { item_id: { type: 'string' }, note: { type: 'string' } } },
    },
  }));
}

/** The verdict the fake judge gives: the label follows the pair's index (find_item_<i>). */
function verdictFor(p: PromptPair) {
  const i = Number(p.from.split('_').pop());
  const label = LABELS[i % 4];
  return {
    pair: p.n,
    label,
    reason: `${p.from} then ${p.to}`,
    mapping: label === 'full' || label === 'partial' ? [{ output: 'item_id', input: 'item_id' }] : [],
  };
}

const answerAll: Reply = (req, res) =>
  sendChat(res, JSON.stringify({ verdicts: promptPairs(req.body).map(verdictFor) }));

function expectedLabel(key: string) {
  return LABELS[Number(key.split('-')[1]) % 4];
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function teacher(extra: Partial<OpenAICompatibleTeacherOptions> = {}) {
  return createOpenAICompatibleTeacher({
    name: 'test-judge',
    baseURL: server!.baseURL,
    apiKey: API_KEY,
    model: 'judge-model',
    retryBaseDelayMs: 10,
    ...extra,
  });
}

describe('openai-compatible teacher: judgeEdges', () => {
  it('judges a normal batch: batches, bounded concurrency, verdicts back on their keys, usage summed', async () => {
    server = await startServer(async (req, res) => {
      await new Promise((r) => setTimeout(r, 30)); // so that requests overlap
      await answerAll(req, res);
    });
    const input = pairs(25);
    const result = await teacher({ batchSize: 10, concurrency: 2 }).judgeEdges(input);

    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => promptPairs(r.body).length).sort()).toEqual([10, 10, 5]);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
    expect(result.verdicts.map((v) => v.key)).toEqual(input.map((p) => p.key));
    for (const v of result.verdicts) {
      expect(v.label).toBe(expectedLabel(v.key));
      expect(v.error).toBeUndefined();
    }
    expect(result.verdicts[0]).toEqual({
      key: 'edge-0',
      label: 'full',
      reason: 'find_item_0 then use_item_0',
      mapping: [{ output: 'item_id', input: 'item_id' }],
    });
    expect(result.verdicts[2].mapping).toBeUndefined(); // prerequisite: no value flows
    expect(result.usage).toEqual({ inputTokens: 300, outputTokens: 60 });

    // The request: model, temperature 0, the prompt, structured output with the answer's schema.
    const body = server.requests[0].body;
    expect(body.model).toBe('judge-model');
    expect(body.temperature).toBe(0);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.response_format?.type).toBe('json_schema');
    expect(JSON.stringify(body.response_format)).toContain(JSON.stringify(JUDGE_ANSWER_JSON_SCHEMA.properties));
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);

    // Every exchange is returned, hashed, with the request as sent and the response.
    expect(result.exchanges).toHaveLength(3);
    for (const x of result.exchanges) {
      expect(x.operation).toBe('judge_edges');
      expect(x.requestHash).toMatch(/^[0-9a-f]{64}$/);
      expect(x.error).toBeUndefined();
      expect(x.tokensIn).toBe(100);
      expect(x.tokensOut).toBe(20);
      expect(x.latencyMs).toBeGreaterThanOrEqual(0);
      expect((x.request as { model: string }).model).toBe('judge-model');
      expect((x.response as { status: number }).status).toBe(200);
    }
    expect(new Set(result.exchanges.map((x) => x.requestHash)).size).toBe(3);
  });

  it('returns nothing and sends nothing for no pairs', async () => {
    server = await startServer(answerAll);
    const result = await teacher().judgeEdges([]);
    expect(result).toEqual({ verdicts: [], usage: { inputTokens: 0, outputTokens: 0 }, exchanges: [] });
    expect(server.requests).toHaveLength(0);
  });

  it('waits as long as retry-after says after a 429, then retries', async () => {
    server = await startServer((req, res) =>
      req.n === 1 ? sendError(res, 429, 'rate limited', { 'retry-after': '1' }) : answerAll(req, res),
    );
    const result = await teacher({ retryBaseDelayMs: 5000 }).judgeEdges(pairs(3));
    expect(server.requests).toHaveLength(2);
    const waited = server.requests[1].at - server.requests[0].at;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(2500);
    expect(result.verdicts.map((v) => v.label)).toEqual(['full', 'partial', 'prerequisite']);
    expect(result.exchanges).toHaveLength(2);
    expect(result.exchanges[0].error).toMatch(/^HTTP 429: rate limited/);
    expect(result.exchanges[0].response).toMatchObject({ status: 429 });
    expect(result.exchanges[1].error).toBeUndefined();
  });

  it('retries after a 500 with backoff', async () => {
    server = await startServer((req, res) =>
      req.n === 1 ? sendError(res, 500, 'upstream overloaded') : answerAll(req, res),
    );
    const result = await teacher().judgeEdges(pairs(2));
    expect(server.requests).toHaveLength(2);
    expect(result.verdicts.map((v) => v.error)).toEqual([undefined, undefined]);
    expect(result.exchanges.map((x) => x.error)).toEqual(['HTTP 500: upstream overloaded', undefined]);
    expect(result.usage).toEqual({ inputTokens: 100, outputTokens: 20 });
  });

  it('gives up after maxRetries and marks the pairs failed without throwing', async () => {
    server = await startServer((_req, res) => sendError(res, 503, 'down'));
    const result = await teacher({ maxRetries: 2 }).judgeEdges(pairs(2));
    expect(server.requests).toHaveLength(3);
    for (const v of result.verdicts) {
      expect(v.label).toBe('none');
      expect(v.reason).toBe('judge request failed: HTTP 503: down (after 3 attempts)');
      expect(v.error).toBe(v.reason);
    }
  });

  it('does not retry a 400 it cannot fix', async () => {
    server = await startServer((_req, res) => sendError(res, 400, 'context length exceeded'));
    const result = await teacher().judgeEdges(pairs(1));
    expect(server.requests).toHaveLength(1);
    expect(result.verdicts[0]).toMatchObject({
      label: 'none',
      error: 'judge request failed: HTTP 400: context length exceeded',
    });
  });

  it('ends a hung connection at the timeout and marks the pairs failed', async () => {
    server = await startServer(() => {
      /* never answers */
    });
    const started = Date.now();
    const result = await teacher({ timeoutMs: 500, maxRetries: 1 }).judgeEdges(pairs(3));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(3000);
    expect(server.requests).toHaveLength(2);
    for (const v of result.verdicts) {
      expect(v.label).toBe('none');
      expect(v.error).toBe('judge request failed: no answer within 500 ms (after 2 attempts)');
    }
    expect(result.exchanges).toHaveLength(2);
    for (const x of result.exchanges) {
      expect(x.error).toBe('no answer within 500 ms');
      expect(x.response).toBeNull();
      expect(x.latencyMs).toBeGreaterThanOrEqual(450);
      expect((x.request as { model: string }).model).toBe('judge-model');
    }
  });

  it('asks once more after malformed JSON, and keeps the second answer', async () => {
    server = await startServer((req, res) =>
      req.n === 1 ? sendChat(res, 'Sure! {"verdicts": [{"pair": 1, "label": "full"') : answerAll(req, res),
    );
    const result = await teacher().judgeEdges(pairs(3));
    expect(server.requests).toHaveLength(2);
    expect(userMessage(server.requests[1].body)).toMatch(/previous answer could not be used/);
    expect(promptPairs(server.requests[1].body)).toHaveLength(3);
    expect(result.verdicts.map((v) => v.label)).toEqual(['full', 'partial', 'prerequisite']);
    expect(result.exchanges[0].error).toMatch(/^answer unusable for 3 of 3 pairs: answer is not JSON/);
    expect(result.exchanges[1].error).toBeUndefined();
    expect(result.usage).toEqual({ inputTokens: 200, outputTokens: 40 }); // the bad answer cost tokens too
  });

  it('marks the pairs unusable when the answer is malformed twice', async () => {
    server = await startServer((_req, res) => sendChat(res, 'I think they are related.'));
    const result = await teacher().judgeEdges(pairs(2));
    expect(server.requests).toHaveLength(2);
    for (const v of result.verdicts) {
      expect(v.label).toBe('none');
      expect(v.reason).toMatch(/^judge answer unusable: answer is not JSON/);
      expect(v.error).toBe(v.reason);
    }
    expect(result.exchanges.every((x) => x.error?.startsWith('answer unusable'))).toBe(true);
  });

  it('re-asks for just the pair an answer skipped', async () => {
    server = await startServer((req, res) => {
      const asked = promptPairs(req.body);
      const verdicts = asked.map(verdictFor).filter((v) => !(req.n === 1 && v.pair === 2));
      sendChat(res, JSON.stringify({ verdicts }));
    });
    const input = pairs(3);
    const result = await teacher().judgeEdges(input);
    expect(server.requests).toHaveLength(2);
    const second = promptPairs(server.requests[1].body);
    expect(second).toEqual([{ n: 1, from: 'find_item_1', to: 'use_item_1' }]); // renumbered from 1
    expect(result.verdicts.map((v) => [v.key, v.label])).toEqual([
      ['edge-0', 'full'],
      ['edge-1', 'partial'],
      ['edge-2', 'prerequisite'],
    ]);
    expect(result.exchanges[0].error).toBe('answer unusable for 1 of 3 pairs: pair 2 has no verdict');
  });

  it('keeps good verdicts when one has an unknown label, and gives up on it after one re-ask', async () => {
    server = await startServer((req, res) => {
      const verdicts = promptPairs(req.body).map((p) => {
        const v = verdictFor(p);
        return p.from === 'find_item_0' ? { ...v, label: 'maybe' } : v;
      });
      sendChat(res, JSON.stringify({ verdicts }));
    });
    const result = await teacher().judgeEdges(pairs(3));
    expect(server.requests).toHaveLength(2);
    expect(promptPairs(server.requests[1].body).map((p) => p.from)).toEqual(['find_item_0']);
    const [first, ...rest] = result.verdicts;
    expect(first.label).toBe('none');
    expect(first.reason).toBe(
      'judge answer unusable: pair 1: unknown label "maybe" (expected one of full, partial, prerequisite, none)',
    );
    expect(first.error).toBe(first.reason);
    expect(rest.map((v) => [v.label, v.error])).toEqual([
      ['partial', undefined],
      ['prerequisite', undefined],
    ]);
  });

  it('falls back from json_schema to json_object when the server rejects structured output, and remembers', async () => {
    server = await startServer((req, res) =>
      req.body.response_format?.type === 'json_schema'
        ? sendError(res, 400, "response_format type 'json_schema' is not supported by this server")
        : answerAll(req, res),
    );
    const t = teacher();
    const first = await t.judgeEdges(pairs(2));
    expect(first.verdicts.map((v) => v.label)).toEqual(['full', 'partial']);
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual(['json_schema', 'json_object']);
    expect(first.exchanges[0].error).toMatch(/^HTTP 400: .*retrying with JSON mode "json_object"/);

    await t.judgeEdges(pairs(1));
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
    ]);
  });

  it('reads JSON out of prose, fences and <think> blocks when the server ignores response_format', async () => {
    server = await startServer((req, res) =>
      sendChat(
        res,
        `<think>pair 1 is {obviously} full</think>Here you go:\n\`\`\`json\n${JSON.stringify({
          verdicts: promptPairs(req.body).map(verdictFor),
        })}\n\`\`\`\nHope this helps.`,
      ),
    );
    const result = await teacher({ jsonMode: 'text' }).judgeEdges(pairs(2));
    expect(server.requests[0].body.response_format).toBeUndefined();
    expect(result.verdicts.map((v) => v.label)).toEqual(['full', 'partial']);
    expect(server.requests).toHaveLength(1);
  });

  it('never lets the API key out: not in exchanges, verdicts or errors, even when the server echoes it', async () => {
    server = await startServer((req, res) => {
      const auth = String(req.headers.authorization);
      if (req.n === 1) return sendError(res, 500, `boom for ${auth}`);
      if (req.n === 2) return sendChat(res, `not json, your key is ${auth}`);
      const verdicts = promptPairs(req.body).map((p) => ({ ...verdictFor(p), reason: `checked with ${auth}` }));
      return sendChat(res, JSON.stringify({ verdicts }));
    });
    const result = await teacher().judgeEdges(pairs(2));
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
    const everything = JSON.stringify(result);
    expect(everything).not.toContain(API_KEY);
    expect(everything).toContain('[redacted]');
    expect(result.verdicts[0].reason).toBe('checked with Bearer [redacted]');

    // A failure that ends in verdict errors, with the key in the error body.
    await server.close();
    server = await startServer((req, res) =>
      sendError(res, 401, `Incorrect API key provided: ${req.headers.authorization}`),
    );
    const failed = await teacher().judgeEdges(pairs(1));
    expect(failed.verdicts[0].error).toBe(
      'judge request failed: HTTP 401: Incorrect API key provided: Bearer [redacted]',
    );
    expect(JSON.stringify(failed)).not.toContain(API_KEY);
  });

  it('redacts secret extra headers too, but not harmless ones', async () => {
    server = await startServer((req, res) =>
      sendError(res, 400, `bad key ${String(req.headers['api-key'])} from ${String(req.headers['x-title'])}`),
    );
    const result = await teacher({ headers: { 'api-key': 'azure-secret-4242', 'X-Title': 'Magnet' } }).judgeEdges(
      pairs(1),
    );
    expect(server.requests[0].headers['api-key']).toBe('azure-secret-4242');
    expect(result.verdicts[0].error).toBe('judge request failed: HTTP 400: bad key [redacted] from Magnet');
    expect(JSON.stringify(result)).not.toContain('azure-secret-4242');
  });

  it('reports a server it cannot reach as failed pairs', async () => {
    server = await startServer(answerAll);
    const baseURL = server.baseURL;
    await server.close();
    server = undefined;
    const result = await createOpenAICompatibleTeacher({
      name: 't',
      baseURL,
      model: 'm',
      maxRetries: 1,
      retryBaseDelayMs: 10,
    }).judgeEdges(pairs(1));
    expect(result.verdicts[0].label).toBe('none');
    expect(result.verdicts[0].error).toMatch(/Cannot connect to API.*\(after 2 attempts\)/);
    expect(result.exchanges).toHaveLength(2);
  });

  it('rejects when the caller aborts, without waiting for the timeout', async () => {
    server = await startServer(() => {
      /* never answers */
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(teacher({ timeoutMs: 10_000 }).judgeEdges(pairs(2), { signal: controller.signal })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
