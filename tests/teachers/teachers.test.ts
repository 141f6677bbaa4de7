import { describe, expect, it } from 'vitest';
import { JUDGE_PROMPT_VERSION } from '../../lib/magnet/graph/judge-prompt';
import { canonicalJson, judgeCacheKey, requestHash } from '../../lib/teachers/cache-key';
import { redact } from '../../lib/teachers/redact';
import { backoffMs, mapWithConcurrency, retryAfterMs } from '../../lib/teachers/retry';
import { createScriptedTeacher } from '../../lib/teachers/scripted';
import type { JudgePair } from '../../lib/teachers/types';

const pair = (key: string, to = 'b'): JudgePair => ({
  key,
  from: { name: 'a', description: 'A', returns: null },
  to: { name: to, description: 'B', parameters: { type: 'object', properties: {} } },
});

describe('scripted teacher', () => {
  it('answers from the script, on the pair keys, with no exchanges and no tokens', async () => {
    const t = createScriptedTeacher((p) => ({
      key: 'ignored',
      label: p.to.name === 'b' ? 'full' : 'none',
      reason: `scripted ${p.to.name}`,
    }));
    expect(t.model).toBe('scripted');
    const r = await t.judgeEdges([pair('k1'), pair('k2', 'c')]);
    expect(r).toEqual({
      verdicts: [
        { key: 'k1', label: 'full', reason: 'scripted b' },
        { key: 'k2', label: 'none', reason: 'scripted c' },
      ],
      usage: { inputTokens: 0, outputTokens: 0 },
      exchanges: [],
    });
  });

  it('turns a throwing script into a failed verdict, and honours abort', async () => {
    const t = createScriptedTeacher(async () => {
      throw new Error('no rule');
    });
    const r = await t.judgeEdges([pair('k')]);
    expect(r.verdicts[0]).toEqual({
      key: 'k',
      label: 'none',
      reason: 'script failed: no rule',
      error: 'script failed: no rule',
    });
    await expect(t.judgeEdges([pair('k')], { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});

describe('cache keys and hashes', () => {
  it('judgeCacheKey is a stable sha-256 of version, model and pair, ignoring the key', () => {
    const k = judgeCacheKey(pair('k1'), 'm');
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(judgeCacheKey(pair('k2'), 'm', JUDGE_PROMPT_VERSION)).toBe(k);
    expect(judgeCacheKey(pair('k1'), 'other')).not.toBe(k);
    expect(judgeCacheKey(pair('k1', 'c'), 'm')).not.toBe(k);
  });

  it('requestHash does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(requestHash({ b: 1, a: 2 })).toBe(requestHash({ a: 2, b: 1 }));
  });
});

describe('retry helpers', () => {
  it('reads retry-after as seconds, as an HTTP date, and retry-after-ms', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs({ 'retry-after': '1' }, now)).toBe(1000);
    expect(retryAfterMs({ 'retry-after': '0.5' }, now)).toBe(500);
    expect(retryAfterMs({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }, now)).toBe(3000);
    expect(retryAfterMs({ 'retry-after': 'Tue, 31 Dec 2024 23:00:00 GMT' }, now)).toBe(0);
    expect(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' }, now)).toBe(250);
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(retryAfterMs({}, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped', () => {
    for (let i = 0; i < 20; i++) {
      const d = backoffMs(2, 100, 10_000);
      expect(d).toBeGreaterThanOrEqual(320);
      expect(d).toBeLessThanOrEqual(480);
    }
    expect(backoffMs(30, 100, 5000)).toBe(5000);
  });

  it('maps with bounded concurrency, keeping order', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, n * 3));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});

describe('redact', () => {
  it('replaces a secret in every string, deeply', () => {
    expect(redact({ a: ['x sk-123456 y', { 'sk-123456': 1 }], n: 2 }, ['sk-123456'])).toEqual({
      a: ['x [redacted] y', { '[redacted]': 1 }],
      n: 2,
    });
  });
});
