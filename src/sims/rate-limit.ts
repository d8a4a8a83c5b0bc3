export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    }),
};

export interface RateLimiter {
  /** Resolves when one more request may be sent; rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Nothing is sent before `ms` from now (a 429's Retry-After). */
  pause(ms: number): void;
}

/**
 * At most `limit` requests in any `intervalMs` (a sliding window, so never more than `limit` in
 * any second however the window is placed). Each caller reserves its slot at once, so callers
 * that wait together still go out in order and within the limit.
 */
export function createRateLimiter(
  { limit, intervalMs }: { limit: number; intervalMs: number },
  clock: Clock = realClock,
): RateLimiter {
  /** Start times of the last `limit` reserved requests, oldest first. */
  const slots: number[] = [];
  let pausedUntil = 0;

  return {
    async acquire(signal) {
      const now = clock.now();
      let at = Math.max(now, pausedUntil);
      if (slots.length === limit) at = Math.max(at, slots[0]! + intervalMs);
      slots.push(at);
      if (slots.length > limit) slots.shift();
      if (at > now) await clock.sleep(at - now, signal);
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
    },
  };
}
