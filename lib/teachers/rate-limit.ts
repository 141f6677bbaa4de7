// A client-side rate limiter for a provider's quotas: requests per minute and tokens per
// minute over a sliding window. Callers acquire before each request with an estimate of its
// tokens and settle afterwards with what the provider reported, so the window holds real
// counts. Waiters are served first come, first served.
import { throwIfAborted } from './retry';

export interface RateLimiterOptions {
  /** Requests allowed per window; unlimited when unset or 0. */
  requestsPerMinute?: number;
  /** Tokens (in + out) allowed per window; unlimited when unset or 0. */
  tokensPerMinute?: number;
  /** The window, default 60 000 ms (shorter in tests). */
  windowMs?: number;
}

export interface RateLimiter {
  /** Resolves when both budgets allow a request of about `estimatedTokens`; rejects when `signal` aborts. */
  acquire(estimatedTokens: number, signal?: AbortSignal): Promise<void>;
  /** Replaces the estimate of an acquired request with the tokens it really used. */
  settle(estimatedTokens: number, actualTokens: number): void;
}

interface Entry {
  at: number;
  tokens: number;
  settled: boolean;
}

const limitOf = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n > 0 ? n : 0);
const abortReason = (signal: AbortSignal) =>
  signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const rpm = limitOf(options.requestsPerMinute);
  const tpm = limitOf(options.tokensPerMinute);
  const windowMs = options.windowMs ?? 60_000;
  if (!rpm && !tpm)
    return {
      acquire: async (_tokens, signal) => throwIfAborted(signal),
      settle: () => {},
    };

  const log: Entry[] = [];
  let queue: Promise<void> = Promise.resolve();
  /** Cuts the head waiter's pause short (a settle may have freed tokens). */
  let wake: (() => void) | null = null;

  /** How long until a request of `tokens` fits; 0 when it fits now. */
  function waitMs(tokens: number, now: number): number {
    while (log.length && log[0].at <= now - windowMs) log.shift();
    let wait = 0;
    if (rpm && log.length >= rpm) wait = log[log.length - rpm].at + windowMs - now;
    if (tpm) {
      let used = log.reduce((s, e) => s + e.tokens, 0);
      // A request larger than the whole budget goes alone, once the window is empty.
      let i = 0;
      while (i < log.length && used + tokens > tpm) used -= log[i++].tokens;
      if (i > 0) wait = Math.max(wait, log[i - 1].at + windowMs - now);
    }
    return Math.max(0, wait);
  }

  function pause(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        wake = null;
        resolve();
      };
      const onAbort = () => {
        clearTimeout(timer);
        wake = null;
        reject(abortReason(signal!));
      };
      const timer = setTimeout(done, ms);
      wake = done;
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  return {
    acquire(estimatedTokens, signal) {
      const tokens = Math.max(0, estimatedTokens || 0);
      const turn = queue.then(async () => {
        for (;;) {
          throwIfAborted(signal);
          const wait = waitMs(tokens, Date.now());
          if (wait <= 0) {
            log.push({ at: Date.now(), tokens, settled: false });
            return;
          }
          await pause(wait, signal);
        }
      });
      queue = turn.catch(() => {});
      if (!signal) return turn;
      // A waiter further back in the queue rejects at once when aborted (its turn then takes nothing).
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(abortReason(signal));
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        turn.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    settle(estimatedTokens, actualTokens) {
      const e = log.find((x) => !x.settled && x.tokens === Math.max(0, estimatedTokens || 0));
      if (!e) return;
      e.tokens = Math.max(0, actualTokens || 0);
      e.settled = true;
      wake?.();
    },
  };
}
