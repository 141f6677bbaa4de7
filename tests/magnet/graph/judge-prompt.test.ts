import { describe, expect, it } from 'vitest';
import {
  buildJudgePrompt,
  extractJson,
  JUDGE_ANSWER_JSON_SCHEMA,
  JUDGE_PROMPT_VERSION,
  JUDGE_SYSTEM_PROMPT,
  judgeAnswerSchema,
  judgeCacheMaterial,
  judgeProblemFor,
  parseJudgeAnswer,
} from '../../../lib/magnet/graph/judge-prompt';
import type { JudgePair } from '../../../lib/magnet/graph/judge-types';

const pair = (
  key: string,
  from: string,
  to: string,
  params: Record<string, unknown> = { id: { type: 'string' } },
): JudgePair => ({
  key,
  from: {
    name: from,
    description: `${from} does things`,
    returns: { type: 'object', properties: { id: { type: 'string' } } },
  },
  to: {
    name: to,
    description: `${to} does things`,
    parameters: { type: 'object', properties: params, required: ['id'] },
  },
});

const PAIRS = [
  pair('a>b', 'search_flights', 'book_flight'),
  pair('c>d', 'file_exists', 'download_file'),
  pair('e>f', 'get_time', 'send_email'),
];

describe('buildJudgePrompt', () => {
  it('numbers the pairs, shows names, descriptions and schemas, and never the keys', () => {
    const p = buildJudgePrompt(PAIRS);
    expect(p.system).toBe(JUDGE_SYSTEM_PROMPT);
    expect(p.user).toMatch(/^Judge these 3 pairs\./);
    expect(p.user).toContain(
      '## Pair 1\nA: search_flights\nA description: search_flights does things\nA returns: {"type":"object"',
    );
    expect(p.user).toContain('## Pair 3\nA: get_time');
    expect(p.user).toContain('B parameters: {"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}');
    expect(p.user).not.toContain('a>b');
    for (const label of ['"full"', '"partial"', '"prerequisite"', '"none"', 'file_exists -> download_file']) {
      expect(p.system).toContain(label);
    }
  });

  it('says when an output is undocumented, cuts huge schemas, and adds a note when asking again', () => {
    const big = pair(
      'x',
      'a',
      'b',
      Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`p${i}`, { type: 'string' }])),
    );
    big.from.returns = null;
    const p = buildJudgePrompt([big], { retry: true });
    expect(p.user).toMatch(/^Your previous answer could not be used/);
    expect(p.user).toContain('Judge this pair.');
    expect(p.user).toContain('A returns: (not documented)');
    expect(p.user).toContain('…(truncated)');
  });

  it('is deterministic', () => {
    expect(buildJudgePrompt(PAIRS)).toEqual(buildJudgePrompt(PAIRS.map((p) => structuredClone(p))));
  });
});

describe('answer schemas', () => {
  it('the zod schema accepts the documented answer', () => {
    const answer = {
      verdicts: [
        { pair: 1, label: 'full', reason: 'r', mapping: [{ output: 'id', input: 'id' }] },
        { pair: 2, label: 'none', reason: 'r' },
      ],
    };
    expect(judgeAnswerSchema.parse(answer)).toEqual(answer);
    expect(judgeAnswerSchema.safeParse({ verdicts: [{ pair: 1, label: 'maybe', reason: 'r' }] }).success).toBe(false);
  });

  it('the wire JSON Schema is strict-mode compatible: every object closed, every property required', () => {
    const walk = (s: Record<string, unknown>) => {
      if (s.type === 'object') {
        expect(s.additionalProperties).toBe(false);
        expect(new Set(s.required as string[])).toEqual(new Set(Object.keys(s.properties as object)));
        Object.values(s.properties as Record<string, Record<string, unknown>>).forEach(walk);
      }
      if (s.type === 'array') walk(s.items as Record<string, unknown>);
    };
    walk(JUDGE_ANSWER_JSON_SCHEMA);
  });
});

describe('parseJudgeAnswer', () => {
  it('maps a complete answer back to keys, in pair order', () => {
    const text = JSON.stringify({
      verdicts: [
        { pair: 3, label: 'none', reason: 'unrelated', mapping: [] },
        {
          pair: 1,
          label: 'full',
          reason: 'the flight id\nfeeds booking',
          mapping: [{ output: 'flights[].id', input: 'id' }],
        },
        { pair: 2, label: 'prerequisite', reason: 'check first', mapping: [{ output: '', input: 'id' }] },
      ],
    });
    const r = parseJudgeAnswer(text, PAIRS);
    expect(r.missing).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.verdicts).toEqual([
      {
        key: 'a>b',
        label: 'full',
        reason: 'the flight id feeds booking',
        mapping: [{ output: 'flights[].id', input: 'id' }],
      },
      { key: 'c>d', label: 'prerequisite', reason: 'check first' }, // no value flows: mapping dropped
      { key: 'e>f', label: 'none', reason: 'unrelated' },
    ]);
  });

  it('accepts an already parsed object and a bare array, and forgives "2" and "Partial"', () => {
    const answer = [{ pair: '2', label: ' Partial ', reason: 'r', mapping: null }];
    const r = parseJudgeAnswer(answer, PAIRS.slice(0, 2));
    expect(r.verdicts).toEqual([{ key: 'c>d', label: 'partial', reason: 'r' }]);
    expect(r.missing.map((p) => p.key)).toEqual(['a>b']);
    expect(parseJudgeAnswer({ verdicts: answer }, PAIRS.slice(0, 2)).verdicts).toHaveLength(1);
  });

  it('returns a skipped pair as missing and keeps the others', () => {
    const r = parseJudgeAnswer(
      {
        verdicts: [
          { pair: 1, label: 'full', reason: 'r' },
          { pair: 3, label: 'none', reason: 'r' },
        ],
      },
      PAIRS,
    );
    expect(r.verdicts.map((v) => v.key)).toEqual(['a>b', 'e>f']);
    expect(r.missing.map((p) => p.key)).toEqual(['c>d']);
    expect(r.problems).toEqual([{ pair: 2, key: 'c>d', message: 'pair 2 has no verdict', fatal: true }]);
    expect(judgeProblemFor(r.problems, 'c>d')).toBe('pair 2 has no verdict');
  });

  it('reports an unknown label for that pair only', () => {
    const r = parseJudgeAnswer(
      {
        verdicts: [
          { pair: 1, label: 'maybe', reason: 'r' },
          { pair: 2, label: 'full', reason: 'r' },
        ],
      },
      PAIRS.slice(0, 2),
    );
    expect(r.verdicts.map((v) => v.key)).toEqual(['c>d']);
    expect(r.missing.map((p) => p.key)).toEqual(['a>b']);
    expect(r.problems).toEqual([
      {
        pair: 1,
        key: 'a>b',
        message: 'pair 1: unknown label "maybe" (expected one of full, partial, prerequisite, none)',
        fatal: true,
      },
    ]);
  });

  it('reports an extra pair and a pair answered twice, keeping the first answer', () => {
    const r = parseJudgeAnswer(
      {
        verdicts: [
          { pair: 1, label: 'full', reason: 'first' },
          { pair: 1, label: 'none', reason: 'second' },
          { pair: 7, label: 'full', reason: 'r' },
          { pair: 2, label: 'none', reason: 'r' },
        ],
      },
      PAIRS.slice(0, 2),
    );
    expect(r.verdicts.map((v) => v.reason)).toEqual(['first', 'r']);
    expect(r.missing).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual([
      'pair 1 answered twice; kept the first',
      'pair 7 does not exist (asked about pairs 1..2)',
    ]);
  });

  it('reports malformed entries without losing the good ones', () => {
    const r = parseJudgeAnswer(
      {
        verdicts: [
          'oops',
          { label: 'full', reason: 'r' },
          { pair: 2, label: 'none', reason: 5 },
          { pair: 1, label: 'full' },
        ],
      },
      PAIRS.slice(0, 2),
    );
    expect(r.verdicts).toEqual([{ key: 'a>b', label: 'full', reason: '' }]);
    expect(r.missing.map((p) => p.key)).toEqual(['c>d']);
    expect(r.problems.map((p) => p.message)).toEqual([
      'verdict 1 is not an object',
      expect.stringMatching(/^verdict 2: pair: /),
      expect.stringMatching(/^pair 2: reason: /),
    ]);
    expect(judgeProblemFor(r.problems, 'c>d')).toMatch(/^pair 2: reason: /);
  });

  it('drops mappings to parameters B does not have, or that are malformed, and keeps the verdict', () => {
    const r = parseJudgeAnswer(
      {
        verdicts: [
          {
            pair: 1,
            label: 'partial',
            reason: 'r',
            mapping: [
              { output: 'id', input: 'id' },
              { output: 'x', input: 'nope' },
            ],
          },
          { pair: 2, label: 'full', reason: 'r', mapping: 'id→id' },
        ],
      },
      PAIRS.slice(0, 2),
    );
    expect(r.verdicts).toEqual([
      { key: 'a>b', label: 'partial', reason: 'r', mapping: [{ output: 'id', input: 'id' }] },
      { key: 'c>d', label: 'full', reason: 'r' },
    ]);
    expect(r.problems.every((p) => !p.fatal)).toBe(true);
    expect(r.problems.map((p) => p.message)).toEqual([
      'pair 1: mapping to "nope" dropped: book_flight has no such parameter',
      expect.stringMatching(/^pair 2: mapping dropped/),
    ]);
  });

  it('reports text that is not JSON, or JSON without verdicts, for every pair', () => {
    const notJson = parseJudgeAnswer('I believe pair 1 is full.', PAIRS);
    expect(notJson.verdicts).toEqual([]);
    expect(notJson.missing).toHaveLength(3);
    expect(notJson.problems).toHaveLength(1);
    expect(notJson.problems[0].message).toMatch(/^answer is not JSON: /);
    expect(judgeProblemFor(notJson.problems, 'a>b')).toMatch(/^answer is not JSON/);

    expect(parseJudgeAnswer('{"answers": []}', PAIRS).problems[0].message).toBe('answer has no "verdicts" array');
    expect(parseJudgeAnswer('', PAIRS).problems[0].message).toBe('answer is empty');
  });
});

describe('extractJson', () => {
  it('finds JSON in fences, after <think> blocks and inside prose', () => {
    expect(extractJson('```json\n{"a":1}\n```')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJson('<think>{not json}</think>\n{"a":2}')).toEqual({ ok: true, value: { a: 2 } });
    expect(extractJson('Sure, here it is: {"a":{"b":3}} Anything else?')).toEqual({ ok: true, value: { a: { b: 3 } } });
    expect(extractJson('{"a": 1').ok).toBe(false);
  });
});

describe('judgeCacheMaterial', () => {
  it('depends on what the model sees, the model and the prompt version, not on the key', () => {
    const [p] = PAIRS;
    const base = judgeCacheMaterial(p, 'm1');
    expect(base).toBe(judgeCacheMaterial({ ...structuredClone(p), key: 'other' }, 'm1', JUDGE_PROMPT_VERSION));
    expect(judgeCacheMaterial(p, 'm2')).not.toBe(base);
    expect(judgeCacheMaterial(p, 'm1', 'judge-edges/v2')).not.toBe(base);
    expect(judgeCacheMaterial({ ...p, to: { ...p.to, description: 'changed' } }, 'm1')).not.toBe(base);
  });
});
