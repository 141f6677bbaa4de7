// The rate limiter: requests and tokens per sliding window, first come first served, settle
// corrects estimates, abort leaves the queue. Fake timers move the clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from '../../lib/teachers/rate-limit';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts acquires and tracks which have resolved. */
function track(p: Promise<void>) {
  const state = { done: false, error: undefined as unknown };
  p.then(
    () => (state.done = true),
    (e: unknown) => (state.error = e),
  );
  return state;
}

describe('createRateLimiter', () => {
  it('is unlimited when no budget is set', async () => {
    const limiter = createRateLimiter();
    await Promise.all(Array.from({ length: 1000 }, () => limiter.acquire(1_000_000)));
    limiter.settle(1_000_000, 5);
  });

  it('lets requestsPerMinute through per sliding minute, in order', async () => {
    const limiter = createRateLimiter({ requestsPerMinute: 2 });
    const order: number[] = [];
    const all = [0, 1, 2, 3].map((i) => limiter.acquire(10).then(() => order.push(i)));
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(order).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual([0, 1, 2, 3]);
    await Promise.all(all);
  });

  it('slides the window: a slot frees 60 s after the request that took it', async () => {
    const limiter = createRateLimiter({ requestsPerMinute: 2 });
    await limiter.acquire(1);
    await vi.advanceTimersByTimeAsync(30_000);
    await limiter.acquire(1);
    const third = track(limiter.acquire(1));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(third.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1); // the first left the window
    expect(third.done).toBe(true);
    const fourth = track(limiter.acquire(1));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(fourth.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(fourth.done).toBe(true);
  });

  it('holds requests while the tokens per minute are spent, and settle gives back what was not used', async () => {
    const limiter = createRateLimiter({ tokensPerMinute: 1000 });
    await limiter.acquire(600);
    const second = track(limiter.acquire(600));
    await vi.advanceTimersByTimeAsync(1000);
    expect(second.done).toBe(false);
    // The first request used 150 tokens, not 600: the second fits now.
    limiter.settle(600, 150);
    await vi.advanceTimersByTimeAsync(0);
    expect(second.done).toBe(true);
    // 150 + 600 spent: 300 more do not fit until the first leaves the window.
    const third = track(limiter.acquire(300));
    await vi.advanceTimersByTimeAsync(58_999);
    expect(third.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(third.done).toBe(true);
  });

  it('lets a request larger than the whole budget through alone', async () => {
    const limiter = createRateLimiter({ tokensPerMinute: 100 });
    await limiter.acquire(500); // an empty window: it goes
    const next = track(limiter.acquire(10));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(next.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(next.done).toBe(true);
  });

  it('applies both budgets', async () => {
    const limiter = createRateLimiter({ requestsPerMinute: 10, tokensPerMinute: 100 });
    await limiter.acquire(60);
    const second = track(limiter.acquire(60));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(second.done).toBe(true);
  });

  it('rejects a waiter at once when its signal aborts, and the queue goes on without it', async () => {
    const limiter = createRateLimiter({ requestsPerMinute: 1 });
    await limiter.acquire(1);
    const controller = new AbortController();
    const aborted = track(limiter.acquire(1, controller.signal));
    const after = track(limiter.acquire(1));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('stop'));
    await vi.advanceTimersByTimeAsync(0);
    expect((aborted.error as Error).message).toBe('stop');
    // The aborted one took no slot: the next gets the slot that frees at 60 s.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(after.done).toBe(true);
    await expect(limiter.acquire(1, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('takes a shorter window (for tests and providers with per-second quotas)', async () => {
    const limiter = createRateLimiter({ requestsPerMinute: 1, windowMs: 100 });
    await limiter.acquire(1);
    const next = track(limiter.acquire(1));
    await vi.advanceTimersByTimeAsync(100);
    expect(next.done).toBe(true);
  });
});
