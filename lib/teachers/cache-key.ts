// Hashes for caching teacher answers. They live here, not in lib/magnet, because they use
// node:crypto (lib/magnet stays pure and browser-safe and only builds the material).
import { createHash } from 'node:crypto';
import { JUDGE_PROMPT_VERSION, judgeCacheMaterial } from '../magnet/graph/judge-prompt';
import type { JudgePair } from '../magnet/graph/judge-types';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

/**
 * Cache key of one judged pair: sha-256 of the prompt version, the model and the pair as the
 * model sees it (names, descriptions, schemas; not the caller's key). Same key, same question.
 */
export function judgeCacheKey(pair: JudgePair, model: string, promptVersion: string = JUDGE_PROMPT_VERSION): string {
  return sha256Hex(judgeCacheMaterial(pair, model, promptVersion));
}

/** The `requestHash` of an exchange record. */
export function requestHash(request: unknown): string {
  return sha256Hex(canonicalJson(request));
}
