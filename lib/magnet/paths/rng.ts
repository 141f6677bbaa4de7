// Seeded randomness for sampling: one xoroshiro128+ generator (pure-rand) per path, its state
// derived from the path's seed string, so path i can be sampled alone. Every random choice of
// the Paths stage goes through here.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** cyrb128: a string → four 32-bit words, well mixed (seeding only; not a random choice). */
function hash128(s: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 | 0, h2 | 0, h3 | 0, h4 | 0];
}

export class PathRng {
  private readonly gen: RandomGenerator;

  constructor(seed: string) {
    const state = hash128(seed);
    // xoroshiro128+ must not start from the all-zero state.
    if (state.every((w) => w === 0)) state[0] = 1;
    this.gen = xoroshiro128plusFromState(state);
  }

  /** True with probability p (a draw is made even for p = 0 or 1, so streams stay aligned). */
  chance(p: number): boolean {
    return uniformFloat64(this.gen) < p;
  }

  /** Integer in [0, n). */
  below(n: number): number {
    if (n < 1) throw new Error('PathRng.below: empty range');
    return uniformInt(this.gen, 0, n - 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)] as T;
  }

  /** Index chosen with probability proportional to its weight (weights ≥ 0, some > 0). */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0)) throw new Error('PathRng.weighted: no positive weight');
    let x = uniformFloat64(this.gen) * total;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i] <= 0) continue;
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    // Rounding at the top end: the last positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return 0;
  }
}
