import { createRateLimiter, realClock, type Clock } from '@/sims/rate-limit';

/** A clock that only moves when the test says so. */
function fakeClock() {
  let time = 0;
  const sleepers: { until: number; resolve: () => void; reject: (reason: unknown) => void }[] = [];
  const clock: Clock = {
    now: () => time,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const sleeper = { until: time + ms, resolve, reject };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  };
  // Lets every caller whose wait is over run (and record the time) before the clock moves on.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  async function advanceTo(target: number) {
    await settle();
    while (true) {
      const next = sleepers
        .filter((sleeper) => sleeper.until <= target)
        .sort((a, b) => a.until - b.until)[0];
      if (!next) break;
      sleepers.splice(sleepers.indexOf(next), 1);
      time = next.until;
      next.resolve();
      await settle();
    }
    time = target;
  }
  return { clock, advanceTo, now: () => time };
}

/** The most requests sent within any window of `intervalMs` (from each send onwards). */
function busiestWindow(times: number[], intervalMs: number): number {
  return Math.max(
    0,
    ...times.map((start) => times.filter((t) => t >= start && t < start + intervalMs).length),
  );
}

describe('createRateLimiter', () => {
  it('lets 10 go at once, then no more than 10 in any second, in the order asked', async () => {
    const { clock, advanceTo, now } = fakeClock();
    const limiter = createRateLimiter({ limit: 10, intervalMs: 1000 }, clock);
    const sent: [number, number][] = [];
    const all = Array.from({ length: 25 }, (_, index) =>
      limiter.acquire().then(() => void sent.push([index, now()])),
    );
    await advanceTo(5000);
    await Promise.all(all);
    const times = sent.map(([, time]) => time);
    expect(sent.map(([index]) => index)).toEqual([...Array(25).keys()]);
    expect(times.filter((time) => time === 0)).toHaveLength(10);
    expect(times.slice(10, 20)).toEqual(Array(10).fill(1000));
    expect(times.slice(20)).toEqual(Array(5).fill(2000));
    expect(busiestWindow(times, 1000)).toBe(10);
  });

  it('spaces requests that arrive one by one over a sliding window, not fixed seconds', async () => {
    const { clock, advanceTo, now } = fakeClock();
    const limiter = createRateLimiter({ limit: 10, intervalMs: 1000 }, clock);
    const times: number[] = [];
    // 10 at 900 ms, then 10 more asked for at 1000 ms: a fixed-second counter would let them
    // all go at once (20 within 100 ms); the window holds them until 1900 ms.
    await advanceTo(900);
    for (let i = 0; i < 10; i += 1) await limiter.acquire().then(() => times.push(now()));
    await advanceTo(1000);
    const later = Array.from({ length: 10 }, () => limiter.acquire().then(() => times.push(now())));
    await advanceTo(3000);
    await Promise.all(later);
    expect(times.slice(10)).toEqual(Array(10).fill(1900));
    expect(busiestWindow(times, 1000)).toBe(10);
  });

  it('stops waiting when the request is cancelled', async () => {
    const { clock } = fakeClock();
    const limiter = createRateLimiter({ limit: 1, intervalMs: 1000 }, clock);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new DOMException('left the page', 'AbortError'));
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('gives a cancelled caller’s time back to those who ask later', async () => {
    const { clock, advanceTo, now } = fakeClock();
    const limiter = createRateLimiter({ limit: 2, intervalMs: 1000 }, clock);
    await limiter.acquire();
    await limiter.acquire();
    const controller = new AbortController();
    const cancelled = limiter.acquire(controller.signal);
    const times: number[] = [];
    const kept = limiter.acquire().then(() => times.push(now()));
    controller.abort(new DOMException('left the page', 'AbortError'));
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    // Had the cancelled one kept its time (1000), this one would wait for 2000.
    const later = limiter.acquire().then(() => times.push(now()));
    await advanceTo(3000);
    await Promise.all([kept, later]);
    expect(times).toEqual([1000, 1000]);
  });

  it('reserves nothing for a caller already cancelled', async () => {
    const { clock, advanceTo, now } = fakeClock();
    const limiter = createRateLimiter({ limit: 1, intervalMs: 1000 }, clock);
    const controller = new AbortController();
    controller.abort(new DOMException('left the page', 'AbortError'));
    await expect(limiter.acquire(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    let sentAt: number | undefined;
    const next = limiter.acquire().then(() => void (sentAt = now()));
    await advanceTo(2000);
    await next;
    expect(sentAt).toBe(0);
  });

  it('the real clock sleeps and can be cancelled', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const sleeping = realClock.sleep(100).then(() => void (done = true));
      await vi.advanceTimersByTimeAsync(99);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await sleeping;
      expect(done).toBe(true);
      const controller = new AbortController();
      const cancelled = realClock.sleep(100, controller.signal);
      controller.abort(new Error('gone'));
      await expect(cancelled).rejects.toThrow('gone');
    } finally {
      vi.useRealTimers();
    }
  });
});
