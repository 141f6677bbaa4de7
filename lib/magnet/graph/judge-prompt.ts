// The LLM edge judge's prompt and answer format (DESIGN.md, step 2). Pure and browser-safe:
// no network, no node:* modules. The teachers (lib/teachers) send the prompt and parse the
// answer with parseJudgeAnswer; hashing (cache keys) lives in lib/teachers/cache-key.ts.
//
// Changing anything that changes what the model sees (the system prompt, the rendering of a
// pair, the answer format) requires a new JUDGE_PROMPT_VERSION: cached verdicts are keyed by it.
import { z } from 'zod';
import type { JsonSchema } from '../functions/types';
import { JUDGE_LABELS, type JudgeLabel, type JudgePair, type JudgeVerdict } from './judge-types';
import type { FieldMapping } from './types';

export const JUDGE_PROMPT_VERSION = 'judge-edges/v1';

/** Longest schema or description rendered into the prompt, in characters; longer ones are cut. */
export const JUDGE_MAX_SCHEMA_CHARS = 4000;
export const JUDGE_MAX_DESCRIPTION_CHARS = 2000;
const MAX_REASON_CHARS = 500;
const MAX_MAPPINGS = 20;

export const JUDGE_SYSTEM_PROMPT = `You judge whether two functions can be chained in a multi-turn tool-use conversation.
For each numbered pair (A, B), decide whether the output of function A feeds the input of function B: a user would call A, then call B with a value taken from A's result.

Labels:
- "full": A's output is B's input. B can be called with arguments taken from A's result alone (e.g. search_flights -> get_flight_details, whose only required parameter is a flight id that search_flights returns).
- "partial": A's output is part of B's input. Some of B's arguments come from A's result, the others must come from the user (e.g. get_user_location -> search_restaurants, which also needs a cuisine).
- "prerequisite": A must run before B although no value flows from A to B (e.g. file_exists -> download_file, login -> list_orders).
- "none": none of the above, including when the two functions are only about the same topic or when the values have different meanings.

Judge only the direction A -> B. Use the names, descriptions and schemas; when A's output is not documented, infer it from A's name and description. Be strict: choose full, partial or prerequisite only when a careful user would really chain the two calls.

Answer with one JSON object and nothing else, in this format:
{"verdicts":[{"pair":1,"label":"partial","reason":"the city returned by A is B's city parameter","mapping":[{"output":"city","input":"city"}]}]}
- exactly one verdict for every pair, with the pair's number as given;
- "label": one of "full", "partial", "prerequisite", "none";
- "reason": one short line;
- "mapping": for full and partial, which field of A's output (a path such as "flights[].id", or "" for the whole output) feeds which parameter of B; [] for prerequisite and none.`;

const RETRY_NOTE =
  'Your previous answer could not be used for the pairs below (it was not valid JSON in the required format, or it skipped them). Answer again for these pairs only, with exactly one verdict per pair.';

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(truncated)`;
}

function renderSchema(schema: JsonSchema | null): string {
  if (schema === null) return '(not documented)';
  return cut(JSON.stringify(schema), JUDGE_MAX_SCHEMA_CHARS);
}

function renderDescription(description: string): string {
  const d = description.trim();
  return d ? cut(d, JUDGE_MAX_DESCRIPTION_CHARS) : '(no description)';
}

/** What the model sees of one pair, without its number. Also the material of its cache key. */
export function renderJudgePair(pair: JudgePair): string {
  return [
    `A: ${pair.from.name}`,
    `A description: ${renderDescription(pair.from.description)}`,
    `A returns: ${renderSchema(pair.from.returns)}`,
    `B: ${pair.to.name}`,
    `B description: ${renderDescription(pair.to.description)}`,
    `B parameters: ${renderSchema(pair.to.parameters)}`,
  ].join('\n');
}

export interface JudgePrompt {
  system: string;
  user: string;
}

/**
 * The prompt for one batch: pairs are numbered 1..n in the order given. `retry` asks again for
 * pairs whose earlier answer was unusable (the pairs are renumbered from 1).
 */
export function buildJudgePrompt(pairs: readonly JudgePair[], opts: { retry?: boolean } = {}): JudgePrompt {
  const blocks = pairs.map((p, i) => `## Pair ${i + 1}\n${renderJudgePair(p)}`);
  const head = pairs.length === 1 ? 'Judge this pair.' : `Judge these ${pairs.length} pairs.`;
  const user = [opts.retry ? `${RETRY_NOTE}\n\n${head}` : head, ...blocks].join('\n\n');
  return { system: JUDGE_SYSTEM_PROMPT, user };
}

/**
 * What determines the judge's answer for one pair, as one string: prompt version, model and the
 * pair as rendered. Hash it for a cache key (lib/teachers/cache-key.ts: judgeCacheKey).
 * Sampling settings (temperature) are not part of it: the judge is meant to run at 0.
 */
export function judgeCacheMaterial(pair: JudgePair, model: string, promptVersion: string = JUDGE_PROMPT_VERSION) {
  return JSON.stringify([promptVersion, model, renderJudgePair(pair)]);
}

// ---------------------------------------------------------------------------------------------
// The answer

const labelList = JUDGE_LABELS.join(', ');

export const judgeFieldMappingSchema = z.object({ output: z.string(), input: z.string().min(1) });

/** One verdict as the model writes it. */
export const judgeAnswerVerdictSchema = z.object({
  pair: z.number().int(),
  label: z.enum(JUDGE_LABELS, {
    error: (iss) => `unknown label ${JSON.stringify(iss.input)} (expected one of ${labelList})`,
  }),
  reason: z.string(),
  mapping: z.array(judgeFieldMappingSchema).optional(),
});

/** The answer as the model writes it: `{ verdicts: [{ pair, label, reason, mapping? }] }`. */
export const judgeAnswerSchema = z.object({ verdicts: z.array(judgeAnswerVerdictSchema) });
export type JudgeAnswer = z.infer<typeof judgeAnswerSchema>;

/**
 * The answer's JSON Schema as sent to servers that support structured output
 * (`response_format: {type:"json_schema"}`). Written for OpenAI's strict mode: every property is
 * required and no others are allowed, so `mapping` is always present ([] when there is none).
 * judgeAnswerSchema, which parses the answer, is laxer (mapping optional).
 */
export const JUDGE_ANSWER_JSON_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    verdicts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          pair: { type: 'integer', description: 'The number of the pair, as given.' },
          label: { type: 'string', enum: [...JUDGE_LABELS] },
          reason: { type: 'string', description: 'One short line.' },
          mapping: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                output: { type: 'string', description: 'Path of a field in A\'s output, "" for all of it.' },
                input: { type: 'string', description: 'Name of a parameter of B.' },
              },
              required: ['output', 'input'],
              additionalProperties: false,
            },
          },
        },
        required: ['pair', 'label', 'reason', 'mapping'],
        additionalProperties: false,
      },
    },
  },
  required: ['verdicts'],
  additionalProperties: false,
};

/** Something wrong with an answer. `pair` (1-based, as numbered in the prompt) and `key` when it concerns one pair. */
export interface JudgeAnswerProblem {
  pair?: number;
  key?: string;
  message: string;
  /** false when the verdict was kept anyway (e.g. a bad mapping was dropped). */
  fatal: boolean;
}

export interface ParsedJudgeAnswer {
  /** Usable verdicts, in the order of the pairs. */
  verdicts: JudgeVerdict[];
  /** Pairs without a usable verdict: ask again for just these. */
  missing: JudgePair[];
  problems: JudgeAnswerProblem[];
}

type JsonText = { ok: true; value: unknown } | { ok: false; error: string };

function tryParse(text: string): JsonText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The JSON value in a model's text answer: the whole text, else a fenced ```json block, else the
 * span from the first `{` to the last `}`. `<think>…</think>` blocks of reasoning models are dropped.
 */
export function extractJson(text: string): JsonText {
  const t = text.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  if (!t) return { ok: false, error: 'answer is empty' };
  const whole = tryParse(t);
  if (whole.ok) return whole;
  const fence = /```(?:json)?\s*([\s\S]*?)```/i.exec(t);
  if (fence) {
    const r = tryParse(fence[1].trim());
    if (r.ok) return r;
  }
  const first = t.indexOf('{');
  const last = t.lastIndexOf('}');
  if (first >= 0 && last > first) {
    const r = tryParse(t.slice(first, last + 1));
    if (r.ok) return r;
  }
  // JSON.parse's message quotes the start of the text, which is enough to see what came back.
  const why = whole.error.length > 160 ? `${whole.error.slice(0, 160)}…` : whole.error;
  return { ok: false, error: `answer is not JSON: ${why}` };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      // Enum errors carry their own complete message; others get the field's name.
      const field = i.path.join('.');
      return i.code === 'invalid_value' || !field ? i.message : `${field}: ${i.message}`;
    })
    .join('; ');
}

const oneLine = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_REASON_CHARS ? `${t.slice(0, MAX_REASON_CHARS)}…` : t;
};

/** Top-level parameter names of B, or null when its schema does not list them. */
function parameterNames(parameters: JsonSchema): Set<string> | null {
  const props = parameters.properties;
  return isRecord(props) ? new Set(Object.keys(props)) : null;
}

/** Lenient normalization of what models commonly get slightly wrong: "3" for 3, "Full" for "full", null fields. */
function normalizeItem(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item };
  if (typeof out.pair === 'string' && /^\s*\d+\s*$/.test(out.pair)) out.pair = Number(out.pair);
  if (typeof out.label === 'string') out.label = out.label.trim().toLowerCase();
  if (out.reason === undefined || out.reason === null) out.reason = '';
  return out;
}

/**
 * Parses and checks a judge answer (the model's text, or an already parsed object) for the pairs
 * it was asked about, numbered 1..n in that order. Never throws and never drops a good verdict:
 * a malformed entry, an unknown label or an extra pair is reported in `problems`; pairs without a
 * usable verdict are returned in `missing` so the caller can ask again for just those.
 */
export function parseJudgeAnswer(answer: unknown, pairs: readonly JudgePair[]): ParsedJudgeAnswer {
  const problems: JudgeAnswerProblem[] = [];
  const allMissing = (message: string): ParsedJudgeAnswer => ({
    verdicts: [],
    missing: [...pairs],
    problems: [{ message, fatal: true }],
  });

  let value: unknown = answer;
  if (typeof answer === 'string') {
    const r = extractJson(answer);
    if (!r.ok) return allMissing(r.error);
    value = r.value;
  }
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (isRecord(value) && Array.isArray(value.verdicts)) items = value.verdicts;
  else return allMissing('answer has no "verdicts" array');

  const byPair = new Map<number, JudgeVerdict>();
  const core = judgeAnswerVerdictSchema.omit({ mapping: true });
  items.forEach((item, i) => {
    const where = `verdict ${i + 1}`;
    if (!isRecord(item)) {
      problems.push({ message: `${where} is not an object`, fatal: true });
      return;
    }
    const normalized = normalizeItem(item);
    const claimed = typeof normalized.pair === 'number' ? normalized.pair : undefined;
    const pairKey = claimed !== undefined ? pairs[claimed - 1]?.key : undefined;
    const parsed = core.safeParse(normalized);
    if (!parsed.success) {
      const at = claimed !== undefined ? `pair ${claimed}` : where;
      problems.push({ pair: claimed, key: pairKey, message: `${at}: ${describeIssues(parsed.error)}`, fatal: true });
      return;
    }
    const n = parsed.data.pair;
    const pair = pairs[n - 1];
    if (!pair || n < 1) {
      problems.push({
        pair: n,
        message: `pair ${n} does not exist (asked about pairs 1..${pairs.length})`,
        fatal: true,
      });
      return;
    }
    if (byPair.has(n)) {
      problems.push({ pair: n, key: pair.key, message: `pair ${n} answered twice; kept the first`, fatal: false });
      return;
    }
    const verdict: JudgeVerdict = { key: pair.key, label: parsed.data.label, reason: oneLine(parsed.data.reason) };
    const mapping = parseMapping(normalized.mapping, parsed.data.label, pair, n, problems);
    if (mapping) verdict.mapping = mapping;
    byPair.set(n, verdict);
  });

  const verdicts: JudgeVerdict[] = [];
  const missing: JudgePair[] = [];
  pairs.forEach((pair, i) => {
    const v = byPair.get(i + 1);
    if (v) verdicts.push(v);
    else {
      missing.push(pair);
      if (!problems.some((p) => p.pair === i + 1 && p.fatal)) {
        problems.push({ pair: i + 1, key: pair.key, message: `pair ${i + 1} has no verdict`, fatal: true });
      }
    }
  });
  return { verdicts, missing, problems };
}

function parseMapping(
  raw: unknown,
  label: JudgeLabel,
  pair: JudgePair,
  n: number,
  problems: JudgeAnswerProblem[],
): FieldMapping[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  // No value flows for prerequisite and none: a mapping there means nothing.
  if (label === 'prerequisite' || label === 'none') return undefined;
  const parsed = z.array(judgeFieldMappingSchema).safeParse(raw);
  if (!parsed.success) {
    problems.push({
      pair: n,
      key: pair.key,
      message: `pair ${n}: mapping dropped (${describeIssues(parsed.error)})`,
      fatal: false,
    });
    return undefined;
  }
  const names = parameterNames(pair.to.parameters);
  const kept: FieldMapping[] = [];
  for (const m of parsed.data) {
    const input = m.input.trim();
    const root = input.split(/[.[]/)[0];
    if (names && !names.has(root)) {
      problems.push({
        pair: n,
        key: pair.key,
        message: `pair ${n}: mapping to ${JSON.stringify(input)} dropped: ${pair.to.name} has no such parameter`,
        fatal: false,
      });
      continue;
    }
    if (kept.length < MAX_MAPPINGS) kept.push({ output: m.output.trim(), input });
  }
  return kept.length ? kept : undefined;
}

/** Why a pair got no usable verdict, in one line, from the problems of the last answer. */
export function judgeProblemFor(problems: readonly JudgeAnswerProblem[], key: string): string {
  const own = problems.filter((p) => p.fatal && p.key === key).map((p) => p.message);
  if (own.length) return own.join('; ');
  const general = problems.filter((p) => p.fatal && p.key === undefined).map((p) => p.message);
  return general.length ? general.join('; ') : 'no verdict for this pair';
}
