// Lighthouse on the production build, gated against a floor measured in the same run: the
// floor app (scripts/floor, the console's stack and nothing else, built by the same Vite) and
// the console's pages are audited in turns, N rounds, and the gate compares each page with the
// floor of the same round (budgets.json `lighthouse`; exit 1 when a page misses it). A busy
// machine slows both alike, so the ratio holds where an absolute score would not (on 2 shared
// cores the form page scored 0.92/0.92/0.97 with nothing changed).
// Usage: node scripts/lighthouse.js [--mobile] [--runs N]
//          --mobile: Lighthouse's default (mobile) profile instead of the desktop one; gated only
//                    where budgets.json has thresholds for that profile, reported either way
//        PORT=4173 node scripts/lighthouse.js  (audits a console already serving on that port)
//        LIGHTHOUSE_REPORTS=dir …              (also keeps each run's full JSON report there)
// Console pages are demo-mode ones: they need no account. Demo mode is the harder case for
// performance (it also loads MSW and the simulated API, ~50 kB gzip, and registers its service worker before the
// first request), so a live page, which loads neither, scores at least as well.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  auditInTurns,
  cleanUp,
  median,
  root,
  startChromium,
  startConsole,
  startFloor,
  table,
  vsFloor as sameRoundVsFloor,
} from './lab.js';

/**
 * @typedef {{ maxPerformanceDrop: number, maxLcpRatio: number }} VsFloor
 * @typedef {{ name: string, path: string, vsFloor?: Record<string, Partial<VsFloor>> }} PageBudget
 * @typedef {{ runs: number, pages: PageBudget[], minScores: Record<string, number>,
 *   vsFloor: Record<string, VsFloor | undefined>, maxLoadPerCore: number }} LighthouseBudget
 * @typedef {import('./lab.js').Run} Run
 */

/** @type {{ lighthouse: LighthouseBudget }} */
const budgets = JSON.parse(readFileSync(join(root, 'budgets.json'), 'utf8'));
const { values: args } = parseArgs({
  options: { mobile: { type: 'boolean', default: false }, runs: { type: 'string' } },
});
const profile = args.mobile ? 'mobile' : 'desktop';
const rounds = Number(args.runs ?? budgets.lighthouse.runs ?? 3);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--runs must be ≥ 1, not ${rounds}`);
const { pages, minScores } = budgets.lighthouse;
const vsFloor = budgets.lighthouse.vsFloor[profile];
const categories = ['performance', ...Object.keys(minScores)];

const started = Date.now();
const [consoleOrigin, floorOrigin] = await Promise.all([startConsole(), startFloor()]);
const chromePort = await startChromium();

const targets = [
  { name: 'floor', url: `${floorOrigin}/`, label: 'floor (scripts/floor)' },
  ...pages.map(({ name, path }) => ({
    name,
    url: `${consoleOrigin}${path}`,
    label: `${name} ${path}`,
  })),
];
const { runs, loads } = await auditInTurns({ chromePort, targets, rounds, profile, categories });

const floorRuns = runs.get('floor') ?? [];
/** @param {Run[]} list @param {(run: Run) => number} pick */
const med = (list, pick) => median(list.map(pick));
const vsFloorOf = (/** @type {Run[]} */ list) => sameRoundVsFloor(list, floorRuns);

const header = [
  'page',
  'perf',
  'LCP ms',
  'TBT ms',
  'FCP ms',
  'a11y',
  'b-p',
  'floor−perf',
  'LCP×floor',
];
/** @type {string[][]} */
const rows = [];
for (const { name, label } of targets) {
  const list = runs.get(name) ?? [];
  const relative = name === 'floor' ? undefined : vsFloorOf(list);
  rows.push([
    label,
    med(list, (r) => r.performance).toFixed(2),
    med(list, (r) => r.lcp).toFixed(0),
    med(list, (r) => r.tbt).toFixed(0),
    med(list, (r) => r.fcp).toFixed(0),
    med(list, (r) => r.scores.accessibility ?? NaN).toFixed(2),
    med(list, (r) => r.scores['best-practices'] ?? NaN).toFixed(2),
    relative ? relative.drop.toFixed(2) : '',
    relative ? relative.lcpRatio.toFixed(2) : '',
  ]);
}
rows.push([
  'gate',
  '',
  '',
  '',
  '',
  `≥ ${minScores.accessibility ?? '-'}`,
  `≥ ${minScores['best-practices'] ?? '-'}`,
  vsFloor ? `≤ ${vsFloor.maxPerformanceDrop}` : 'none',
  vsFloor ? `≤ ${vsFloor.maxLcpRatio}` : 'none',
]);
console.log(
  `\nMedians of ${rounds} run(s); floor−perf and LCP×floor are medians of same-round pairs`,
);
console.log(table(header, rows));

// Past this, the machine runs several times more work than it has cores (other test runs,
// builds), and a page that does more work than the floor loses more than the floor does: the
// ratios then measure the machine, not the console. They are reported, not gated; everything
// else still is.
const load = median(loads);
const overloaded = load > budgets.lighthouse.maxLoadPerCore;
console.log(
  `Load average (1 min) per core during the runs: median ${load.toFixed(1)} ` +
    `(ratios gated up to ${budgets.lighthouse.maxLoadPerCore})`,
);

/** @type {string[]} */
const failures = [];
// A floor that measured nothing would make every ratio meaningless (NaN passes no comparison,
// but say why).
if (!floorRuns.every((run) => run.lcp > 0 && run.performance > 0)) {
  failures.push('floor: Lighthouse reported no performance score or LCP for the floor app');
}
for (const { name, label } of targets) {
  if (name === 'floor') continue;
  const list = runs.get(name) ?? [];
  /** @type {string[]} */
  const missed = [];
  for (const [id, min] of Object.entries(minScores)) {
    const score = med(list, (r) => r.scores[id] ?? NaN);
    if (!(score >= min)) missed.push(`${id} ${score.toFixed(2)} < ${min}`);
  }
  const page = pages.find((p) => p.name === name);
  const gate = vsFloor && !overloaded && { ...vsFloor, ...page?.vsFloor?.[profile] };
  if (gate) {
    const { drop, lcpRatio } = vsFloorOf(list);
    if (!(drop <= gate.maxPerformanceDrop)) {
      missed.push(
        `performance ${drop.toFixed(2)} below the floor's (at most ${gate.maxPerformanceDrop})`,
      );
    }
    if (!(lcpRatio <= gate.maxLcpRatio)) {
      missed.push(`LCP ${lcpRatio.toFixed(2)} × the floor's (at most ${gate.maxLcpRatio})`);
    }
  }
  if (missed.length === 0) continue;
  const costs = [...new Set(list.flatMap((r) => Object.keys(r.costs)))].map(
    (audit) => `${audit}: ${list.map((r) => r.costs[audit] ?? 'ok').join(' / ')}`,
  );
  failures.push(
    `${label}: ${missed.join('; ')}\n  audits that cost points (each run):\n    ${costs.join('\n    ')}`,
  );
}
if (vsFloor && overloaded) {
  console.log(
    `\nNOT GATED: performance and LCP against the floor, as the machine was overloaded ` +
      `(load ${load.toFixed(1)} per core > ${budgets.lighthouse.maxLoadPerCore}); the figures above are for reading only.`,
  );
}
if (!vsFloor) {
  console.log(
    `\nNo ${profile} thresholds in budgets.json (lighthouse.vsFloor): performance not gated.`,
  );
}
for (const failure of failures) console.error(`\n${failure}`);
console.log(`\nLighthouse took ${((Date.now() - started) / 1000).toFixed(0)} s`);
await cleanUp();
// Lighthouse's browser connection may keep the event loop alive.
process.exit(failures.length === 0 ? 0 : 1);
