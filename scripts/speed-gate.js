// What decides the Lighthouse gates (scripts/lighthouse.js; bench-load.js for its report), kept
// apart from Lighthouse itself so it can be tested on made-up runs: medians, a page against the
// floor of the same round, the targets a page misses, and whether the machine was quiet enough
// for speed to be judged at all.
import { availableParallelism, loadavg } from 'node:os';

/**
 * @typedef {{ performance: number, lcp: number, tbt: number, fcp: number, benchmark: number,
 *   scores: Record<string, number>, costs: Record<string, string> }} Run
 * @typedef {{ maxPerformanceDrop?: number, minPerformance?: number, maxLcpRatio?: number }}
 *   SpeedTargets
 */

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/**
 * A page's runs against the floor's of the same round (the machine's load then was the same for
 * both): the medians of the pairs.
 * @param {Run[]} list
 * @param {Run[]} floorRuns
 */
export const vsFloor = (list, floorRuns) => ({
  drop: median(list.map((run, i) => (floorRuns[i]?.performance ?? NaN) - run.performance)),
  lcpRatio: median(list.map((run, i) => run.lcp / (floorRuns[i]?.lcp ?? NaN))),
});

const fixed = (/** @type {number} */ n) => n.toFixed(2);

/**
 * The speed targets a page's runs miss, against the floor's runs of the same rounds. NaN (a run
 * that measured nothing) passes no comparison, so it misses.
 * @param {SpeedTargets} targets
 * @param {Run[]} runs
 * @param {Run[]} floorRuns
 * @returns {string[]}
 */
export function speedMisses(targets, runs, floorRuns) {
  /** @type {string[]} */
  const missed = [];
  const { drop, lcpRatio } = vsFloor(runs, floorRuns);
  const performance = median(runs.map((run) => run.performance));
  if (targets.maxPerformanceDrop !== undefined && !(drop <= targets.maxPerformanceDrop)) {
    missed.push(
      `performance ${fixed(drop)} below the floor's (at most ${targets.maxPerformanceDrop})`,
    );
  }
  if (targets.minPerformance !== undefined && !(performance >= targets.minPerformance)) {
    missed.push(`performance ${fixed(performance)} < ${targets.minPerformance}`);
  }
  if (targets.maxLcpRatio !== undefined && !(lcpRatio <= targets.maxLcpRatio)) {
    missed.push(`LCP ${fixed(lcpRatio)} × the floor's (at most ${targets.maxLcpRatio})`);
  }
  return missed;
}

/**
 * The category scores (accessibility, best practices) whose median is below its minimum. The
 * machine's speed does not move them, so they are judged at any load.
 * @param {Record<string, number>} minScores
 * @param {Run[]} runs
 * @returns {string[]}
 */
export function scoreMisses(minScores, runs) {
  return Object.entries(minScores).flatMap(([id, min]) => {
    const score = median(runs.map((run) => run.scores[id] ?? NaN));
    return score >= min ? [] : [`${id} ${fixed(score)} < ${min}`];
  });
}

/** The 1-minute load average per core: how many runnable processes each core has. */
export const loadPerCore = () => (loadavg()[0] ?? 0) / availableParallelism();

/**
 * Waits until the load per core is at most `max`, looking every `intervalMs`, for at most
 * `timeoutMs`. The previous step of `npm test` (e2e on both cores) leaves a load that takes a
 * minute or two to fade from the 1-minute average; a machine that stays busy is reported, not
 * waited for forever.
 * @param {{ max: number, timeoutMs: number, intervalMs?: number, read?: () => number,
 *   sleep?: (ms: number) => Promise<unknown>, log?: (line: string) => void }} options
 * @returns {Promise<{ settled: boolean, load: number, waitedMs: number }>}
 */
export async function settle({
  max,
  timeoutMs,
  intervalMs = 5_000,
  read = loadPerCore,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  log = console.log,
}) {
  let load = read();
  let waitedMs = 0;
  if (load > max) {
    log(
      `Load ${load.toFixed(1)} per core > ${max}: waiting up to ${timeoutMs / 1000} s for the ` +
        'machine to settle before judging speed',
    );
  }
  while (load > max && waitedMs < timeoutMs) {
    const step = Math.min(intervalMs, timeoutMs - waitedMs);
    await sleep(step);
    waitedMs += step;
    load = read();
  }
  if (waitedMs > 0 && load <= max) {
    log(`Load ${load.toFixed(1)} per core after ${(waitedMs / 1000).toFixed(0)} s: judging`);
  }
  return { settled: load <= max, load, waitedMs };
}

/**
 * Whether speed could be judged from runs made at these loads (per core, one per run): not when
 * their median is above `max`. Then the console's ratios against the floor measure the machine
 * (the console does several times the floor's main-thread work, so it loses more under
 * contention), and the gate must fail saying so rather than pass without judging.
 * @param {number[]} loads
 * @param {number} max
 * @returns {{ load: number, judged: boolean, why?: string }}
 */
export function judgeable(loads, max) {
  const load = median(loads);
  if (loads.length === 0) return { load, judged: false, why: 'no Lighthouse run was made' };
  if (load > max) {
    return {
      load,
      judged: false,
      why:
        `the machine was overloaded (load ${load.toFixed(1)} per core during the runs, more ` +
        `than ${max}): speed against the floor cannot be judged on it. Run it again on a ` +
        'quieter machine (nothing else running beside it).',
    };
  }
  return { load, judged: true };
}
