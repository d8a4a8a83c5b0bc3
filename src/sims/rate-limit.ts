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
}

/**
 * At most `limit` requests in any `intervalMs` (a sliding window, so never more than `limit` in
 * any second however the window is placed). Each caller reserves its time at once, never before
 * an earlier caller's, so callers that wait together still go out in order and within the limit;
 * a caller that stops waiting gives its time back.
 */
export function createRateLimiter(
  { limit, intervalMs }: { limit: number; intervalMs: number },
  clock: Clock = realClock,
): RateLimiter {
  /** Send times reserved within the last `intervalMs` or later, in order. */
  const reserved: number[] = [];

  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      const now = clock.now();
      while (reserved.length > 0 && reserved[0]! + intervalMs <= now) reserved.shift();
      // The latest of: now, the last reservation (order), and the end of the window of the
      // `limit`-th last one, so the window ending at this send holds at most `limit`.
      const at = Math.max(
        now,
        reserved.at(-1) ?? now,
        reserved.length >= limit ? reserved[reserved.length - limit]! + intervalMs : now,
      );
      reserved.push(at);
      if (at === now) return;
      try {
        await clock.sleep(at - now, signal);
      } catch (error) {
        // Fewer sends never break the limit for the ones reserved after this one.
        reserved.splice(reserved.indexOf(at), 1);
        throw error;
      }
    },
  };
}
