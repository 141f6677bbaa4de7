// A teacher behind any OpenAI-compatible chat completions endpoint (OpenAI, vLLM, llama.cpp,
// Ollama, LM Studio, OpenRouter, ...), through the Vercel AI SDK (v6).
//
// JSON output: the first request asks for structured output (`response_format: {type:
// "json_schema"}` with JUDGE_ANSWER_JSON_SCHEMA); a server that rejects it with 400/422 naming the
// response format is asked again at once with `{type:"json_object"}`, then with no
// response_format at all, and the teacher remembers the mode that worked. The answer text is
// always parsed by parseJudgeAnswer, which also digs the JSON out of prose or ```json fences.
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, generateText, jsonSchema, NoObjectGeneratedError, Output } from 'ai';
import { JUDGE_ANSWER_JSON_SCHEMA, type JudgePrompt } from '../magnet/graph/judge-prompt';
import type { JudgePair } from '../magnet/graph/judge-types';
import { runJudge, type JudgeAttempt, type JudgeRunnerOptions } from './judge-runner';
import { retryAfterMs } from './retry';
import { oneLine, parseBody } from './http-text';
import type { JudgeResult, Teacher, TeacherCallOptions } from './types';
import { errorMessage } from '../error-message';

/** How the answer is asked to be JSON: structured output, JSON mode, or only by the prompt. */
export const JSON_MODES = ['json_schema', 'json_object', 'text'] as const;
export type JsonMode = (typeof JSON_MODES)[number];

export interface OpenAICompatibleTeacherOptions {
  /** Display name; also the AI SDK provider name. */
  name: string;
  /** e.g. "http://127.0.0.1:8000/v1" (requests go to `${baseURL}/chat/completions`). */
  baseURL: string;
  /** Sent as `Authorization: Bearer …`; never recorded. */
  apiKey?: string;
  model: string;
  /** Default 0. */
  temperature?: number;
  /** max_tokens of each request; the server's default when unset. */
  maxTokens?: number;
  /** Pairs per request, default 10. */
  batchSize?: number;
  /** Requests in flight at once, default 4. */
  concurrency?: number;
  /** Retries of a request after 429, 5xx, a timeout or a network error; default 3. */
  maxRetries?: number;
  /** Time allowed for one request, default 60 000 ms. */
  timeoutMs?: number;
  /** First backoff delay (doubled each retry, ±20 % jitter), default 1000 ms. */
  retryBaseDelayMs?: number;
  /** Longest wait between retries, also caps retry-after; default 60 000 ms. */
  maxRetryDelayMs?: number;
  /** The JSON mode to start with, default 'json_schema' (falls back by itself, see above). */
  jsonMode?: JsonMode;
  /** Extra request headers (e.g. OpenRouter's HTTP-Referer). Never recorded. */
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
}

/** Extra headers whose values are redacted like the API key. */
const SECRET_HEADER = /auth|key|token|secret|password|cookie/i;

/** A 400/422 that complains about the response format: the server does not support that JSON mode. */
const RESPONSE_FORMAT_COMPLAINT = /response_format|json_schema|json_object|structured output|guided|grammar/i;


export function createOpenAICompatibleTeacher(options: OpenAICompatibleTeacherOptions): Teacher {
  const baseFetch = options.fetch ?? globalThis.fetch;
  let mode: JsonMode = options.jsonMode ?? 'json_schema';
  const runner: JudgeRunnerOptions = {
    batchSize: options.batchSize ?? 10,
    concurrency: options.concurrency ?? 4,
    maxRetries: options.maxRetries ?? 3,
    timeoutMs: options.timeoutMs ?? 60_000,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 1000,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 60_000,
    secrets: [
      options.apiKey ?? '',
      ...Object.entries(options.headers ?? {})
        .filter(([name]) => SECRET_HEADER.test(name))
        .map(([, value]) => value),
    ].filter((s) => s.length > 0),
  };

  async function attempt(prompt: JudgePrompt, signal: AbortSignal): Promise<JudgeAttempt> {
    const usedMode = mode;
    // The exact body sent, captured on its way out (headers, which carry the key, are not kept).
    let sentBody: unknown;
    const capturingFetch: typeof globalThis.fetch = (input, init) => {
      if (typeof init?.body === 'string') sentBody = parseBody(init.body);
      return baseFetch(input, init);
    };
    const provider = createOpenAICompatible({
      name: options.name,
      baseURL: options.baseURL.replace(/\/+$/, ''),
      apiKey: options.apiKey,
      headers: options.headers,
      fetch: capturingFetch,
      supportsStructuredOutputs: usedMode === 'json_schema',
    });
    const base = () => ({
      request: sentBody ?? {
        model: options.model,
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
      },
      tokensIn: 0,
      tokensOut: 0,
    });
    try {
      const result = await generateText({
        model: provider.chatModel(options.model),
        system: prompt.system,
        prompt: prompt.user,
        temperature: options.temperature ?? 0,
        maxOutputTokens: options.maxTokens,
        maxRetries: 0, // the runner retries, so that every attempt is recorded
        abortSignal: signal,
        output:
          usedMode === 'json_schema'
            ? Output.object({
                // Validation is parseJudgeAnswer's job: it keeps the good verdicts of a flawed answer.
                schema: jsonSchema<unknown>(JUDGE_ANSWER_JSON_SCHEMA, {
                  validate: (value) => ({ success: true, value }),
                }),
                name: 'judge_verdicts',
              })
            : usedMode === 'json_object'
              ? Output.json()
              : Output.text(),
      });
      return {
        ...base(),
        response: { status: 200, body: result.response.body ?? null },
        tokensIn: result.usage.inputTokens ?? 0,
        tokensOut: result.usage.outputTokens ?? 0,
        text: result.text,
      };
    } catch (e) {
      if (NoObjectGeneratedError.isInstance(e)) {
        // The server answered but the text is not JSON: hand the text to the parser, which
        // reports why and lets the runner ask again.
        return {
          ...base(),
          // The step's response carries the raw body at run time, though its type does not say so.
          response: { status: 200, body: (e.response as { body?: unknown } | undefined)?.body ?? e.text ?? null },
          tokensIn: e.usage?.inputTokens ?? 0,
          tokensOut: e.usage?.outputTokens ?? 0,
          text: e.text ?? '',
        };
      }
      if (APICallError.isInstance(e)) {
        const status = e.statusCode;
        const body = parseBody(e.responseBody);
        const detail = oneLine(e.message || e.responseBody || '');
        if (
          status !== undefined &&
          (status === 400 || status === 422) &&
          usedMode !== 'text' &&
          RESPONSE_FORMAT_COMPLAINT.test(`${e.message} ${e.responseBody ?? ''}`)
        ) {
          if (mode === usedMode) mode = usedMode === 'json_schema' ? 'json_object' : 'text';
          return {
            ...base(),
            response: { status, body },
            failure: {
              message: `HTTP ${status}: ${detail} (retrying with JSON mode "${mode}")`,
              retryable: true,
              immediate: true,
            },
          };
        }
        return {
          ...base(),
          response: status !== undefined ? { status, body } : null,
          failure: {
            message: status !== undefined ? `HTTP ${status}: ${detail}` : detail,
            retryable: e.isRetryable,
            retryAfterMs: retryAfterMs(e.responseHeaders),
          },
        };
      }
      // Aborts (timeouts: the runner names them), a connection dropped mid-answer (fetch's
      // TypeError "terminated"), anything else.
      const message = errorMessage(e);
      return { ...base(), response: null, failure: { message: oneLine(message), retryable: e instanceof TypeError } };
    }
  }

  return {
    name: options.name,
    model: options.model,
    judgeEdges(pairs: JudgePair[], opts?: TeacherCallOptions): Promise<JudgeResult> {
      return runJudge(pairs, attempt, runner, opts);
    },
  };
}
