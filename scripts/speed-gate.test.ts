import { describe, expect, it, vi } from 'vitest';
import { judgeable, scoreMisses, settle, speedMisses, vsFloor, type Run } from './speed-gate.js';

const run = (performance: number, lcp: number, scores: Record<string, number> = {}): Run => ({
  performance,
  lcp,
  tbt: 0,
  fcp: 0,
  benchmark: 2000,
  scores: { performance, accessibility: 1, 'best-practices': 1, ...scores },
  costs: {},
});

describe('a page against the floor of its own round', () => {
  it('pairs each run with the floor run of the same round, and takes the medians', () => {
    const floor = [run(0.96, 2000), run(0.8, 4000), run(0.97, 2100)];
    const page = [run(0.94, 2200), run(0.79, 4400), run(0.9, 2520)];
    expect(vsFloor(page, floor)).toEqual({
      drop: expect.closeTo(0.02, 5),
      lcpRatio: expect.closeTo(1.1, 5),
    });
  });

  it('names each speed target a page misses, and none it meets', () => {
    const floor = [run(0.97, 2000)];
    const targets = { maxPerformanceDrop: 0.03, minPerformance: 0.9, maxLcpRatio: 1.15 };
    expect(speedMisses(targets, [run(0.95, 2200)], floor)).toEqual([]);
    expect(speedMisses(targets, [run(0.85, 2600)], floor)).toEqual([
      "performance 0.12 below the floor's (at most 0.03)",
      'performance 0.85 < 0.9',
      "LCP 1.30 × the floor's (at most 1.15)",
    ]);
  });

  it('misses when a run or the floor measured nothing, rather than passing on NaN', () => {
    expect(speedMisses({ maxLcpRatio: 2 }, [run(0.9, NaN)], [run(0.9, 2000)])).toHaveLength(1);
    expect(speedMisses({ maxPerformanceDrop: 0.1 }, [run(0.9, 2000)], [])).toHaveLength(1);
    expect(speedMisses({ maxLcpRatio: 2 }, [], [])).toHaveLength(1);
  });

  it('judges accessibility and best practices by their medians', () => {
    const runs = [run(0.9, 1, { accessibility: 0.98 }), run(0.9, 1), run(0.9, 1)];
    expect(scoreMisses({ accessibility: 1, 'best-practices': 1 }, runs)).toEqual([]);
    expect(scoreMisses({ accessibility: 1 }, [run(0.9, 1, { accessibility: 0.98 })])).toEqual([
      'accessibility 0.98 < 1',
    ]);
  });
});

describe('speed is never passed without judging', () => {
  it('can judge runs made on a machine at or below the load limit', () => {
    expect(judgeable([1.2, 3, 0.8], 3)).toEqual({ load: 1.2, judged: true });
  });

  it('cannot judge runs made on an overloaded machine, and says why', () => {
    const verdict = judgeable([3.5, 9.2, 4], 3);
    expect(verdict.judged).toBe(false);
    expect(verdict.why).toMatch(/overloaded \(load 4\.0 per core during the runs, more than 3\)/);
  });

  it('cannot judge when no run was made', () => {
    expect(judgeable([], 3)).toMatchObject({ judged: false, why: 'no Lighthouse run was made' });
  });
});

describe('waiting for the machine to settle', () => {
  const noWait = (ms: number) => Promise.resolve(ms);

  it('does not wait on a quiet machine', async () => {
    const sleep = vi.fn(noWait);
    await expect(settle({ max: 3, timeoutMs: 60_000, read: () => 1, sleep })).resolves.toEqual({
      settled: true,
      load: 1,
      waitedMs: 0,
    });
    expect(sleep).not.toHaveBeenCalled();
  });

  it('waits while the load fades, then judges', async () => {
    const loads = [6, 4.5, 3.2, 2.4];
    const log = vi.fn();
    const result = await settle({
      max: 3,
      timeoutMs: 60_000,
      intervalMs: 5_000,
      read: () => loads.shift() ?? 0,
      sleep: noWait,
      log,
    });
    expect(result).toEqual({ settled: true, load: 2.4, waitedMs: 15_000 });
    expect(log).toHaveBeenLastCalledWith('Load 2.4 per core after 15 s: judging');
  });

  it('gives up after the timeout on a machine that stays busy, and says it is not settled', async () => {
    const sleep = vi.fn(noWait);
    const result = await settle({
      max: 3,
      timeoutMs: 12_000,
      intervalMs: 5_000,
      read: () => 7,
      sleep,
      log: () => {},
    });
    expect(result).toEqual({ settled: false, load: 7, waitedMs: 12_000 });
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([5_000, 5_000, 2_000]);
  });
});
