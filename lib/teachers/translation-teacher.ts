// LLM teachers for the translation loop (Magnet step 4), behind OpenAI-compatible endpoints,
// Anthropic or Google Gemini, through the Vercel AI SDK (v6). One request per step of the loop:
// the user's message, the assistant's calls (native tool calling), the answer, the question or
// refusal of a miss turn, the user's reply with the missing value, and a function's simulated
// output. Server-side only: the API key never appears in a record or an error.
//
// Messages are asked for as structured output ({"message": ...}); a server that rejects the
// response format is asked again at once in a simpler mode, and an answer that is not JSON is
// dug out of fences or prose, or taken as the message when it is plain prose. Calls come back as
// the model made them (a function that does not exist, arguments of the wrong type or not even
// JSON): the loop's checkCall reports them and asks for a repair.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import {
  APICallError,
  generateText,
  jsonSchema,
  NoObjectGeneratedError,
  Output,
  type LanguageModel,
  type ToolSet,
} from 'ai';
import { z } from 'zod';
import {
  answerPromptVars,
  callsPromptVars,
  hintedPromptVars,
  missingPromptVars,
  queryPromptVars,
  renderPrompt,
  simulatePromptVars,
  supplyPromptVars,
  type PromptOverrides,
  type RenderedPrompt,
} from '../magnet/translate/prompts';
import type { CallsRequest, HintedTurn, TranslationTeacher } from '../magnet/translate/teacher';
import { isRecord } from '../magnet/functions/json';
import type { ConversationMessage } from '../magnet/translate/types';
import { sha256Hex } from './cache-key';
import { oneLine, parseBody } from './http-text';
import type { RateLimiter } from './rate-limit';
import { redact, redactText } from './redact';
import { backoffMs, retryAfterMs, sleep, throwIfAborted, timeoutSignal } from './retry';
import { TEACHER_PROVIDERS, type LlmExchangeRecord, type TeacherOperation, type TeacherProvider } from './types';
import { errorMessage } from '../error-message';

export { TEACHER_PROVIDERS, type TeacherProvider } from './types';

export interface TeacherSettings {
  /** Display name; also the AI SDK provider name of an OpenAI-compatible endpoint. */
  name: string;
  provider: TeacherProvider;
  /** Required for openai-compatible (e.g. "http://127.0.0.1:8000/v1"); the provider's own by default otherwise. */
  baseURL?: string;
  model: string;
  /** The provider's default when unset. */
  temperature?: number;
  /** Output tokens per request; the provider's default when unset. */
  maxTokens?: number;
  /** Time allowed for one request, default 60 000 ms. */
  timeoutMs?: number;
  /** Retries after 429, 5xx, a timeout or a network error; default 3. */
  maxRetries?: number;
}

/** Earlier answers by request hash (LlmExchangeRecord.requestHash). */
export interface ExchangeCache {
  /** The `result` of an earlier successful exchange with that hash, or undefined. */
  get(requestHash: string): Promise<unknown | undefined>;
}

export interface LlmTranslationTeacherOptions extends TeacherSettings {
  /** Never recorded. */
  apiKey?: string;
  limiter?: RateLimiter;
  cache?: ExchangeCache;
  /** Every exchange: each HTTP attempt, and each answer taken from the cache. Awaited. */
  onExchange?: (record: LlmExchangeRecord) => void | Promise<void>;
  prompts?: PromptOverrides;
  /** Aborts every request of this teacher. */
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
  /** First backoff delay (doubled each retry, ±20 % jitter), default 1000 ms. */
  retryBaseDelayMs?: number;
  /** Longest wait between retries, also caps retry-after; default 60 000 ms. */
  maxRetryDelayMs?: number;
}

export interface SimulateRequest {
  function: { name: string; description: string; parameters: unknown; returns: unknown };
  arguments: Record<string, unknown>;
  history: readonly ConversationMessage[];
  seed: string;
}

export interface TranslationTeacherUsage {
  inputTokens: number;
  outputTokens: number;
  /** HTTP requests made (every attempt). */
  requests: number;
  cacheHits: number;
}

export type LlmTranslationTeacher = TranslationTeacher & {
  /** A function's output, as JSON (the caller validates it against the returns schema). */
  simulateOutput(req: SimulateRequest): Promise<unknown>;
  usage(): TranslationTeacherUsage;
};

type Kind = 'message' | 'calls' | 'hinted' | 'json';
const usesTools = (kind: Kind) => kind === 'calls' || kind === 'hinted';
type Call = { name: string; arguments: unknown };
type Tool = CallsRequest['tools'][number];

/** How the answer's format is asked for: structured output, JSON mode, or only by the prompt. */
type FormatMode = 'structured' | 'json' | 'text';

interface Failure {
  /** One line, e.g. "HTTP 500: overloaded". */
  message: string;
  /** retry: after a backoff, counted against maxRetries; again: the answer was unusable (asked once more); switch: a simpler request at once; fatal: give up. */
  next: 'retry' | 'again' | 'switch' | 'fatal';
  retryAfterMs?: number;
}

interface Attempt {
  request: unknown;
  response: unknown;
  tokensIn: number;
  tokensOut: number;
  result?: unknown;
  failure?: Failure;
}

const MESSAGE_SCHEMA = z.object({ message: z.string().min(1) });
const DEFAULT_OUTPUT_TOKENS = 1024;

/** A 400/422 that complains about the response format: the server does not support that mode. */
const RESPONSE_FORMAT_COMPLAINT =
  /response_format|response_mime_type|responseMimeType|response_schema|responseSchema|output_config|output_format|json_schema|json_object|structured output|guided|grammar/i;
const TOOL_CHOICE_COMPLAINT = /tool_choice|tool choice|toolChoice|function_calling_config|functionCallingConfig/i;



/** A JSON value in a model's text: the whole text, a ```json fence, or the outermost {...} / [...]. */
export function extractJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const tries = [text.trim()];
  const fence = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fence) tries.push(fence[1].trim());
  for (const [open, close] of [
    ['{', '}'],
    ['[', ']'],
  ]) {
    const a = text.indexOf(open);
    const b = text.lastIndexOf(close);
    if (a >= 0 && b > a) tries.push(text.slice(a, b + 1));
  }
  for (const t of tries) {
    if (!t) continue;
    try {
      return { ok: true, value: JSON.parse(t) };
    } catch {
      // next
    }
  }
  return { ok: false };
}

/** The message in an answer: {"message": ...} as asked, a JSON string, or prose without any JSON. */
function messageIn(text: string): string | undefined {
  const found = extractJson(text);
  if (found.ok) {
    const v = found.value;
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const m = (v as Record<string, unknown>).message;
      if (typeof m === 'string' && m.trim()) return m.trim();
    }
    return undefined;
  }
  // A model that ignored the format but wrote the message: take it. Broken JSON is not a message.
  const prose = text.trim();
  return prose && !/[{}[\]]/.test(prose) ? prose : undefined;
}

/** A tool name every provider accepts (letters, digits, _ and -, at most 64, not starting with a digit). */
function safeToolName(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  return s.slice(0, 64) || '_';
}

/** Model-side names for a turn's tools, and the way back. */
function toolNames(tools: readonly Tool[]) {
  const toModel = new Map<string, string>();
  const fromModel = new Map<string, string>();
  for (const t of tools) {
    let s = safeToolName(t.name);
    for (let i = 2; fromModel.has(s); i++) s = `${safeToolName(t.name).slice(0, 60)}_${i}`;
    toModel.set(t.name, s);
    fromModel.set(s, t.name);
  }
  return { toModel: (n: string) => toModel.get(n) ?? n, fromModel: (n: string) => fromModel.get(n) ?? n };
}

/** A tool's parameters as the providers want them: an object schema. */
function objectSchema(parameters: Record<string, unknown>): Record<string, unknown> {
  const p = { ...parameters };
  if (p.type === undefined) p.type = 'object';
  if (p.type === 'object' && p.properties === undefined) p.properties = {};
  return p;
}

/** Keywords the Gemini provider leaves out of a tool's schema (it keeps type, enum, format, minLength, ...). */
const GEMINI_DROPPED = [
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'maxLength',
  'minItems',
  'maxItems',
] as const;

/** For Gemini: the constraints its provider would drop, said in the descriptions instead, so the model still sees them. */
function withConstraintsDescribed(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map(withConstraintsDescribed);
  const s = { ...(schema as Record<string, unknown>) };
  const said = GEMINI_DROPPED.filter((k) => s[k] !== undefined).map((k) => `${k} ${JSON.stringify(s[k])}`);
  if (said.length) s.description = [s.description, `(${said.join(', ')})`].filter(Boolean).join(' ');
  if (s.properties && typeof s.properties === 'object')
    s.properties = Object.fromEntries(
      Object.entries(s.properties as Record<string, unknown>).map(([k, v]) => [k, withConstraintsDescribed(v)]),
    );
  for (const k of ['items', 'anyOf', 'oneOf', 'allOf'] as const)
    if (s[k] !== undefined) s[k] = withConstraintsDescribed(s[k]);
  return s;
}

/** Arguments as the model wrote them: an object when they parse, the raw text otherwise. */
function argumentsOf(input: unknown): unknown {
  if (typeof input !== 'string') return input ?? {};
  if (input.trim() === '') return {};
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}

/** What one attempt sent and got back, filled in by the shared fetch below. */
interface Capture {
  sent?: unknown;
  response: unknown;
}

/** Names the attempt a request belongs to; removed before the request leaves. */
const ATTEMPT_HEADER = 'x-magnet-attempt';
const captures = new Map<string, Capture>();
let attemptCounter = 0;

/** Records the exact body sent and what came back (headers, which carry the key, are not kept). */
function capturingFetch(baseFetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    const id = headers.get(ATTEMPT_HEADER);
    headers.delete(ATTEMPT_HEADER);
    const slot = id ? captures.get(id) : undefined;
    if (slot && typeof init?.body === 'string') slot.sent = parseBody(init.body);
    const res = await baseFetch(input, { ...init, headers });
    const text = await res.text();
    if (slot) slot.response = { status: res.status, body: parseBody(text) };
    // Handed on already decoded: the length and encoding headers no longer describe it.
    const out = new Headers(res.headers);
    out.delete('content-encoding');
    out.delete('content-length');
    const empty = [101, 204, 205, 304].includes(res.status);
    return new Response(empty ? null : text, { status: res.status, statusText: res.statusText, headers: out });
  };
}

// Providers are built once per settings and fetch, not per request: building one cost about
// 0.3 ms of CPU, a tenth of a request's orchestration (npm run bench -- runs-llm).
const models = new WeakMap<typeof globalThis.fetch, Map<string, LanguageModel>>();

/** The one place the provider is chosen. */
function languageModel(
  o: Pick<LlmTranslationTeacherOptions, 'provider' | 'name' | 'baseURL' | 'model' | 'apiKey'>,
  baseFetch: typeof globalThis.fetch,
  structured: boolean,
): LanguageModel {
  let byKey = models.get(baseFetch);
  if (!byKey) models.set(baseFetch, (byKey = new Map()));
  const key = JSON.stringify([o.provider, o.name, o.baseURL, o.model, o.apiKey, structured]);
  const held = byKey.get(key);
  if (held) return held;
  if (byKey.size > 100) byKey.clear();
  const fetch = capturingFetch(baseFetch);
  const baseURL = o.baseURL?.replace(/\/+$/, '') || undefined;
  let model: LanguageModel;
  switch (o.provider) {
    case 'openai-compatible':
      model = createOpenAICompatible({
        name: o.name,
        baseURL: baseURL!,
        apiKey: o.apiKey,
        fetch,
        supportsStructuredOutputs: structured,
      }).chatModel(o.model);
      break;
    case 'anthropic':
      model = createAnthropic({ baseURL, apiKey: o.apiKey, fetch })(o.model);
      break;
    case 'google':
      model = createGoogleGenerativeAI({ baseURL, apiKey: o.apiKey, fetch })(o.model);
      break;
  }
  byKey.set(key, model);
  return model;
}

export function createLlmTranslationTeacher(options: LlmTranslationTeacherOptions): LlmTranslationTeacher {
  if (!TEACHER_PROVIDERS.includes(options.provider)) throw new Error(`unknown teacher provider "${options.provider}"`);
  if (options.provider === 'openai-compatible' && !options.baseURL)
    throw new Error('an openai-compatible teacher needs a baseURL');
  const baseFetch = options.fetch ?? globalThis.fetch;
  const secrets = [options.apiKey ?? ''].filter((s) => s.length > 0);
  const clean = (text: string) => redactText(text, secrets);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxRetries = options.maxRetries ?? 3;
  const baseDelay = options.retryBaseDelayMs ?? 1000;
  const maxDelay = options.maxRetryDelayMs ?? 60_000;
  const signal = options.signal;
  const usage: TranslationTeacherUsage = { inputTokens: 0, outputTokens: 0, requests: 0, cacheHits: 0 };
  // What the server accepted last; learnt once, shared by every request of this teacher.
  let format: FormatMode = 'structured';
  let toolChoice: 'required' | 'auto' = 'required';

  const emit = async (record: LlmExchangeRecord) => {
    await options.onExchange?.(record);
  };

  /** One HTTP request, once. Never throws: what happened is in the result (aborts included). */
  async function attempt(kind: Kind, prompt: RenderedPrompt, tools: readonly Tool[], abort: AbortSignal) {
    const mode = format;
    const choice = toolChoice;
    const id = String(++attemptCounter);
    const slot: Capture = { response: null };
    captures.set(id, slot);
    const names = toolNames(tools);
    // Every way out of an attempt goes through here, which also frees its capture slot.
    const out = (a: Omit<Attempt, 'request' | 'response'>): Attempt => {
      captures.delete(id);
      return { request: slot.sent ?? { system: prompt.system, prompt: prompt.prompt }, response: slot.response, ...a };
    };
    const usedFormat = kind !== 'calls' && mode !== 'text';
    try {
      const model = languageModel(options, baseFetch, mode === 'structured');
      const common = {
        model,
        system: prompt.system,
        prompt: prompt.prompt,
        temperature: options.temperature,
        maxOutputTokens: options.maxTokens,
        maxRetries: 0, // retried here, so that every attempt is recorded
        abortSignal: abort,
        headers: { [ATTEMPT_HEADER]: id },
      };
      if (usesTools(kind)) {
        const toolSet: ToolSet = {};
        for (const t of tools)
          toolSet[names.toModel(t.name)] = {
            description: t.description,
            // No validation here: wrong arguments come back as made, for the loop's checks.
            inputSchema: jsonSchema(
              (options.provider === 'google'
                ? withConstraintsDescribed(objectSchema(t.parameters))
                : objectSchema(t.parameters)) as Record<string, unknown>,
            ),
          };
        // A hinted turn wants reasoning text with its calls, which a required tool choice forbids.
        const r = await generateText({ ...common, tools: toolSet, toolChoice: kind === 'hinted' ? 'auto' : choice });
        const calls: Call[] = r.toolCalls.map((c) => ({
          name: names.fromModel(c.toolName),
          arguments: argumentsOf(c.input),
        }));
        const result = kind === 'hinted' ? { reasoning: r.text.trim(), calls } : calls;
        return out({ tokensIn: r.usage.inputTokens ?? 0, tokensOut: r.usage.outputTokens ?? 0, result });
      }
      const output =
        // Anthropic's JSON mode needs a schema, and an output's root need not be an object: asked by the prompt.
        mode === 'text' || (kind === 'json' && options.provider === 'anthropic')
          ? Output.text()
          : kind === 'message'
            ? Output.object({ schema: MESSAGE_SCHEMA, name: 'message' })
            : Output.json();
      const r = await generateText({ ...common, output });
      const tokens = { tokensIn: r.usage.inputTokens ?? 0, tokensOut: r.usage.outputTokens ?? 0 };
      return out({ ...tokens, ...readAnswer(kind, r.text) });
    } catch (e) {
      if (NoObjectGeneratedError.isInstance(e)) {
        // The server answered but not with the JSON asked for: read what it wrote.
        const tokens = { tokensIn: e.usage?.inputTokens ?? 0, tokensOut: e.usage?.outputTokens ?? 0 };
        return out({ ...tokens, ...readAnswer(kind, e.text ?? '') });
      }
      if (APICallError.isInstance(e)) {
        const status = e.statusCode;
        const detail = oneLine(e.message || e.responseBody || '');
        const said = `${e.message} ${e.responseBody ?? ''}`;
        const http = status !== undefined ? `HTTP ${status}: ${detail}` : detail;
        const none = { tokensIn: 0, tokensOut: 0 };
        if ((status === 400 || status === 422) && usedFormat && RESPONSE_FORMAT_COMPLAINT.test(said)) {
          if (format === mode)
            format = mode === 'structured' && options.provider === 'openai-compatible' ? 'json' : 'text';
          return out({
            ...none,
            failure: { message: `${http} (asking again without that response format)`, next: 'switch' },
          });
        }
        if (
          (status === 400 || status === 422) &&
          usesTools(kind) &&
          choice === 'required' &&
          TOOL_CHOICE_COMPLAINT.test(said)
        ) {
          toolChoice = 'auto';
          return out({
            ...none,
            failure: { message: `${http} (asking again with tool choice "auto")`, next: 'switch' },
          });
        }
        // A 2xx whose body the provider could not read (not JSON, not its shape): an unusable answer.
        if (status !== undefined && status >= 200 && status < 300)
          return out({ ...none, failure: { message: `malformed response: ${detail}`, next: 'again' } });
        return out({
          ...none,
          failure: {
            message: http,
            next: e.isRetryable ? 'retry' : 'fatal',
            retryAfterMs: retryAfterMs(e.responseHeaders),
          },
        });
      }
      // Aborts and timeouts (named by the caller), a dropped connection (fetch's TypeError), anything else.
      return out({
        tokensIn: 0,
        tokensOut: 0,
        failure: { message: oneLine(errorMessage(e)), next: e instanceof TypeError ? 'retry' : 'fatal' },
      });
    }
  }

  function readAnswer(kind: Kind, text: string): Pick<Attempt, 'result' | 'failure'> {
    if (kind === 'message') {
      const message = messageIn(text);
      if (message !== undefined) return { result: message };
      return {
        failure: {
          message: `the answer is not the {"message": ...} asked for: ${oneLine(text, 120) || '(empty)'}`,
          next: 'again',
        },
      };
    }
    const found = extractJson(text);
    if (found.ok) return { result: found.value };
    return { failure: { message: `the answer is not JSON: ${oneLine(text, 120) || '(empty)'}`, next: 'again' } };
  }

  /** A cached result of the right shape for the operation. */
  const usable = (kind: Kind, v: unknown) =>
    v !== undefined &&
    (kind === 'message'
      ? typeof v === 'string' && v.length > 0
      : kind === 'calls'
        ? Array.isArray(v)
        : kind === 'hinted'
          ? isRecord(v) && Array.isArray(v.calls)
          : true);

  /** One operation: the cache, then attempts until an answer or a reason to give up. */
  async function run(operation: TeacherOperation, kind: Kind, prompt: RenderedPrompt, tools: readonly Tool[] = []) {
    // What identifies the request, whatever the provider's wire format: the cache key.
    const description = {
      provider: options.provider,
      baseURL: options.baseURL ?? null,
      model: options.model,
      temperature: options.temperature ?? null,
      maxTokens: options.maxTokens ?? null,
      operation,
      promptVersion: prompt.version,
      system: prompt.system,
      messages: [{ role: 'user', content: prompt.prompt }],
      tools:
        usesTools(kind)
          ? tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters }))
          : null,
    };
    // Built here in a fixed key order from stored schemas, so plain JSON is already canonical
    // (sorting every key of every tool schema cost a fifth of a request's own CPU).
    const hash = sha256Hex(JSON.stringify(description));
    throwIfAborted(signal);
    if (options.cache) {
      const hit = await options.cache.get(hash);
      throwIfAborted(signal);
      if (usable(kind, hit)) {
        usage.cacheHits++;
        await emit({
          operation,
          requestHash: hash,
          request: redact(description, secrets),
          response: null,
          tokensIn: 0,
          tokensOut: 0,
          latencyMs: 0,
          result: hit,
          cached: true,
        });
        return hit;
      }
    }

    const estimate =
      Math.ceil(
        (prompt.system.length +
          prompt.prompt.length +
          (usesTools(kind) ? JSON.stringify(description.tools).length : 0)) /
          4,
      ) + (options.maxTokens ?? DEFAULT_OUTPUT_TOKENS);
    let attempts = 0;
    let retries = 0;
    let again = 0;
    let switches = 0;
    for (;;) {
      throwIfAborted(signal);
      await options.limiter?.acquire(estimate, signal);
      attempts++;
      usage.requests++;
      const t = timeoutSignal(signal, timeoutMs);
      const started = performance.now();
      let a: Attempt;
      try {
        a = await attempt(kind, prompt, tools, t.signal);
      } finally {
        t.dispose();
      }
      const latencyMs = Math.round(performance.now() - started);
      const timedOut = t.timedOut() && !signal?.aborted && !!a.failure;
      if (timedOut)
        a = { ...a, result: undefined, failure: { message: `no answer within ${timeoutMs} ms`, next: 'retry' } };
      if (signal?.aborted) a = { ...a, result: undefined, failure: { message: 'aborted', next: 'fatal' } };
      const spent = a.tokensIn + a.tokensOut;
      options.limiter?.settle(estimate, spent > 0 ? spent : timedOut ? estimate : 0);
      usage.inputTokens += a.tokensIn;
      usage.outputTokens += a.tokensOut;

      const record: LlmExchangeRecord = {
        operation,
        requestHash: hash,
        request: redact(a.request, secrets),
        response: redact(a.response ?? null, secrets),
        tokensIn: a.tokensIn,
        tokensOut: a.tokensOut,
        latencyMs,
      };
      if (a.failure) record.error = clean(a.failure.message);
      else record.result = redact(a.result, secrets);
      await emit(record);
      throwIfAborted(signal);

      if (!a.failure) return record.result;
      const f = a.failure;
      const giveUp = () => {
        const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
        return new Error(clean(`${operation} failed: ${f.message}${tries}`));
      };
      if (f.next === 'switch' && switches++ < 3) continue;
      if (f.next === 'again' && again++ < 1) continue;
      if (f.next !== 'retry' || retries >= maxRetries) throw giveUp();
      const delay = Math.min(maxDelay, f.retryAfterMs ?? backoffMs(retries, baseDelay, maxDelay));
      retries++;
      await sleep(delay, signal);
    }
  }

  const overrides = options.prompts;
  return {
    name: options.name,
    async writeQuery(req) {
      return (await run(
        'write_query',
        'message',
        renderPrompt('write_query', queryPromptVars(req), overrides),
      )) as string;
    },
    async writeCalls(req) {
      const names = toolNames(req.tools);
      const prompt = renderPrompt('write_calls', callsPromptVars(req, names.toModel), overrides);
      return (await run('write_calls', 'calls', prompt, req.tools)) as Call[];
    },
    async writeHintedTurn(req) {
      const names = toolNames(req.tools);
      const prompt = renderPrompt('write_hinted_turn', hintedPromptVars(req, names.toModel), overrides);
      return (await run('write_hinted_turn', 'hinted', prompt, req.tools)) as HintedTurn;
    },
    async writeAnswer(req) {
      return (await run(
        'write_answer',
        'message',
        renderPrompt('write_answer', answerPromptVars(req), overrides),
      )) as string;
    },
    async writeMissing(req) {
      return (await run(
        'write_missing',
        'message',
        renderPrompt('write_missing', missingPromptVars(req), overrides),
      )) as string;
    },
    async writeSupply(req) {
      return (await run(
        'write_supply',
        'message',
        renderPrompt('write_supply', supplyPromptVars(req), overrides),
      )) as string;
    },
    async simulateOutput(req) {
      return run('simulate_output', 'json', renderPrompt('simulate_output', simulatePromptVars(req), overrides));
    },
    usage: () => ({ ...usage }),
  };
}
