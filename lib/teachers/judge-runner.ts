// The provider-independent half of judgeEdges: batching, bounded concurrency, retries with
// backoff, per-attempt timeouts, one re-ask for pairs whose answer was unusable, and the
// exchange records. A provider only supplies `attempt`: send one prompt once, report what happened.
import { buildJudgePrompt, judgeProblemFor, parseJudgeAnswer, type JudgePrompt } from '../magnet/graph/judge-prompt';
import type { JudgePair, JudgeVerdict } from '../magnet/graph/judge-types';
import { requestHash } from './cache-key';
import { redact, redactText } from './redact';
import { backoffMs, mapWithConcurrency, sleep, throwIfAborted, timeoutSignal } from './retry';
import type { JudgeResult, LlmExchangeRecord, TeacherCallOptions } from './types';
import { errorMessage } from '../error-message';

export interface AttemptFailure {
  /** One line, e.g. "HTTP 500: upstream overloaded". */
  message: string;
  retryable: boolean;
  /** The wait the server asked for (429 retry-after), in ms. */
  retryAfterMs?: number;
  /** Retry at once without counting a retry (e.g. the provider switched to a simpler JSON mode). */
  immediate?: boolean;
}

/** What one attempt (one HTTP request) produced. */
export interface JudgeAttempt {
  /** The request body as sent, without headers. */
  request: unknown;
  /** What came back (`{status, body}`), or null. */
  response: unknown;
  tokensIn: number;
  tokensOut: number;
  /** The model's answer text, when the request succeeded. */
  text?: string;
  failure?: AttemptFailure;
}

export type JudgeAttemptFn = (prompt: JudgePrompt, signal: AbortSignal) => Promise<JudgeAttempt>;

export interface JudgeRunnerOptions {
  /** Pairs per request. */
  batchSize: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Retries of one request after a retryable failure (429, 5xx, timeout, network). */
  maxRetries: number;
  /** Time allowed for one request, in ms. */
  timeoutMs: number;
  /** First backoff delay, doubled on each retry. */
  retryBaseDelayMs: number;
  /** Longest wait between retries, also caps a server's retry-after. */
  maxRetryDelayMs: number;
  /** Strings that must never appear in what is returned (API keys). */
  secrets: string[];
}

type CallOutcome = { ok: true; text: string; record: LlmExchangeRecord } | { ok: false; error: string };

export async function runJudge(
  pairs: readonly JudgePair[],
  attempt: JudgeAttemptFn,
  options: JudgeRunnerOptions,
  callOptions: TeacherCallOptions = {},
): Promise<JudgeResult> {
  const { signal } = callOptions;
  throwIfAborted(signal);
  const size = Math.max(1, Math.floor(options.batchSize));
  const batches: JudgePair[][] = [];
  for (let i = 0; i < pairs.length; i += size) batches.push(pairs.slice(i, i + size));

  const clean = (text: string) => redactText(text, options.secrets);

  /** One prompt, retried until it gets an answer or gives up. Every attempt is recorded. */
  async function call(prompt: JudgePrompt, exchanges: LlmExchangeRecord[]): Promise<CallOutcome> {
    let retries = 0;
    let attempts = 0;
    let immediates = 0;
    for (;;) {
      throwIfAborted(signal);
      attempts++;
      const t = timeoutSignal(signal, options.timeoutMs);
      const started = performance.now();
      let result: JudgeAttempt;
      try {
        result = await attempt(prompt, t.signal);
      } catch (e) {
        // Providers report failures as values; a throw here is unexpected, so do not retry it.
        result = {
          request: null,
          response: null,
          tokensIn: 0,
          tokensOut: 0,
          failure: { message: errorMessage(e), retryable: false },
        };
      } finally {
        t.dispose();
      }
      const latencyMs = Math.round(performance.now() - started);
      if (t.timedOut() && !signal?.aborted) {
        result = {
          ...result,
          text: undefined,
          failure: { message: `no answer within ${options.timeoutMs} ms`, retryable: true },
        };
      }
      const request = redact(result.request, options.secrets);
      const record: LlmExchangeRecord = {
        operation: 'judge_edges',
        requestHash: requestHash(request),
        request,
        response: redact(result.response ?? null, options.secrets),
        tokensIn: result.tokensIn || 0,
        tokensOut: result.tokensOut || 0,
        latencyMs,
      };
      if (result.failure) record.error = clean(result.failure.message);
      exchanges.push(record);
      throwIfAborted(signal);

      if (!result.failure) return { ok: true, text: result.text ?? '', record };
      const failure = result.failure;
      if (failure.immediate && immediates++ < 3) continue;
      if (!failure.retryable || retries >= options.maxRetries) {
        const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
        return { ok: false, error: clean(failure.message) + tries };
      }
      const delay = Math.min(
        options.maxRetryDelayMs,
        failure.retryAfterMs ?? backoffMs(retries, options.retryBaseDelayMs, options.maxRetryDelayMs),
      );
      retries++;
      await sleep(delay, signal);
    }
  }

  async function judgeBatch(batch: JudgePair[]) {
    const exchanges: LlmExchangeRecord[] = [];
    const verdicts = new Map<string, JudgeVerdict>();
    /** Pairs without a usable answer: label none, and `error` (= reason) so nobody caches it as a decision. */
    const fail = (pending: readonly JudgePair[], reason: (p: JudgePair) => string) => {
      for (const p of pending) {
        const r = clean(reason(p));
        verdicts.set(p.key, { key: p.key, label: 'none', reason: r, error: r });
      }
    };
    try {
      let pending: JudgePair[] = batch;
      // Round 0 asks for the batch; round 1 asks again for the pairs whose answer was unusable.
      for (let round = 0; round < 2 && pending.length; round++) {
        const outcome = await call(buildJudgePrompt(pending, { retry: round > 0 }), exchanges);
        if (!outcome.ok) {
          fail(pending, () => `judge request failed: ${outcome.error}`);
          break;
        }
        const parsed = parseJudgeAnswer(outcome.text, pending);
        for (const v of parsed.verdicts) verdicts.set(v.key, redact(v, options.secrets));
        if (!parsed.missing.length) break;
        const why = (p: JudgePair) => judgeProblemFor(parsed.problems, p.key);
        const whys = [...new Set(parsed.missing.map(why))].join('; ');
        outcome.record.error = clean(
          `answer unusable for ${parsed.missing.length} of ${pending.length} pairs: ${whys}`,
        );
        if (round === 1) fail(parsed.missing, (p) => `judge answer unusable: ${why(p)}`);
        pending = parsed.missing;
      }
    } catch (e) {
      if (signal?.aborted) throw e;
      fail(
        batch.filter((p) => !verdicts.has(p.key)),
        () => `judge failed: ${errorMessage(e)}`,
      );
    }
    const orLost = (p: JudgePair): JudgeVerdict => {
      const lost = 'judge failed: no verdict recorded';
      return verdicts.get(p.key) ?? { key: p.key, label: 'none', reason: lost, error: lost };
    };
    return { verdicts: batch.map(orLost), exchanges };
  }

  const results = await mapWithConcurrency(batches, Math.max(1, Math.floor(options.concurrency)), judgeBatch);
  const exchanges = results.flatMap((r) => r.exchanges);
  return {
    verdicts: results.flatMap((r) => r.verdicts),
    usage: {
      inputTokens: exchanges.reduce((s, x) => s + x.tokensIn, 0),
      outputTokens: exchanges.reduce((s, x) => s + x.tokensOut, 0),
    },
    exchanges,
  };
}
