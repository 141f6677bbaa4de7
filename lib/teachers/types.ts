// The Teacher: the model that does the Magnet method's LLM work (DESIGN.md). One interface, one
// method per operation; today only judgeEdges (step 2, the signature graph). Providers live
// next to this file (openai-compatible.ts, scripted.ts). Server-side only: a teacher may hold an
// API key, which never appears in a request record, an exchange, an error or a log.
import type { JudgeLabel, JudgePair, JudgeVerdict } from '../magnet/graph/judge-types';
import { PROMPT_OPERATIONS } from '../magnet/translate/prompts';

export { JUDGE_LABELS } from '../magnet/graph/judge-types';
export type { JudgeLabel, JudgePair, JudgeVerdict };

/** The operations a teacher performs, as recorded on each exchange: the judge's, then the translation loop's. */
export const TEACHER_OPERATIONS = ['judge_edges', ...PROMPT_OPERATIONS] as const;
export type TeacherOperation = (typeof TEACHER_OPERATIONS)[number];

/** The APIs an LLM teacher can speak (Settings stores one per teacher). */
export const TEACHER_PROVIDERS = ['openai-compatible', 'anthropic', 'google'] as const;
export type TeacherProvider = (typeof TEACHER_PROVIDERS)[number];

/** One HTTP request/response with a model, kept for debugging and as a cache. Never holds an API key. */
export interface LlmExchangeRecord {
  operation: TeacherOperation;
  /**
   * sha-256 (hex) of the canonical JSON of `request` (judge), or of the request's
   * provider-independent description (translation operations, see translation-teacher.ts), which
   * is the cache key: every attempt of one request, and a cached answer to it, share it.
   */
  requestHash: string;
  /** The request body as sent (no headers). */
  request: unknown;
  /** `{ status, body }` of the answer, or null when none came (timeout, network error). */
  response: unknown;
  /** Why this exchange did not give a usable answer (HTTP error, timeout, unusable answer). */
  error?: string;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  /** The parsed answer of a successful exchange (a message, calls, an output): what a cache returns. */
  result?: unknown;
  /** Answered from the cache, without a request (tokens and latency 0). */
  cached?: boolean;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface JudgeResult {
  /** One verdict per pair asked about, in the same order. Failed pairs have label `none` and `error` set. */
  verdicts: JudgeVerdict[];
  /** Summed over every exchange, failed ones included (they may have cost tokens). */
  usage: TokenUsage;
  /** Every exchange made, in order (per batch, per attempt). */
  exchanges: LlmExchangeRecord[];
}

export interface TeacherCallOptions {
  signal?: AbortSignal;
}

export interface Teacher {
  /** Display name, e.g. "local-vllm". */
  name: string;
  /** The model asked, part of cache keys (judgeCacheKey); "scripted" for the test double. */
  model: string;
  /**
   * Judges candidate edges A → B. Resolves with a verdict for every pair even when requests fail
   * (see JudgeVerdict.error); rejects only when `signal` aborts.
   */
  judgeEdges(pairs: JudgePair[], opts?: TeacherCallOptions): Promise<JudgeResult>;
}
