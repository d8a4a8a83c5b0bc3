// Lighthouse on the production build, gated against a floor measured in the same run: the floor
// app (scripts/floor, the console's stack and nothing else, built by the same Vite) and the
// console's pages are audited in turns, and each page is compared with the floor of its own
// round (a busy machine slows both alike, so the ratio holds where an absolute score would not).
// Both profiles in one run, sharing one build of the floor, one console and one Chromium:
//  - desktop: budgets.json `lighthouse` (the demo list and form, against the floor);
//  - mobile (Lighthouse's default profile): budgets.json `load`, issue 12's targets for the live
//    sign-in page and the demo list.
// Each page is audited once per profile (`lighthouse.rounds`); a speed miss, or a first look made
// on an overloaded machine, gets a second look (`secondLookRounds` more rounds of that profile,
// the medians of all decide). Accessibility and best practices are judged at any load. Speed is
// never passed unjudged: before auditing, the script waits (bounded) for the machine to settle,
// and a miss on a machine that stayed overloaded fails, saying so.
// Usage: node scripts/lighthouse.js [--profile desktop|mobile] [--rounds N]
//        PORT=4173 node scripts/lighthouse.js  (audits a console already serving on that port,
//                                                 with live mode for the mobile sign-in page)
//        LIGHTHOUSE_REPORTS=dir …              (also keeps each run's full JSON report there)
//        LIGHTHOUSE_SETTLE_SECONDS=n …         (how long to wait for the machine to settle;
//                                                 budgets.json lighthouse.settleSeconds)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { audit, auditInTurns, cleanUp, root, startChromium, startLab, table } from './lab.js';
import { judgeable, median, scoreMisses, settle, speedMisses, vsFloor } from './speed-gate.js';

/**
 * @typedef {import('./speed-gate.js').Run} Run
 * @typedef {import('./speed-gate.js').SpeedTargets} SpeedTargets
 * @typedef {import('./lab.js').Profile} Profile
 * @typedef {import('./lab.js').Audited} Audited
 * @typedef {{ maxPerformanceDrop: number, maxLcpRatio: number }} VsFloor
 * @typedef {{ rounds: number, secondLookRounds: number, maxLoadPerCore: number, settleSeconds: number,
 *   pages: { name: string, path: string, vsFloor?: Record<string, Partial<VsFloor>> }[],
 *   minScores: Record<string, number>, vsFloor: Record<string, VsFloor | undefined> }} Desktop
 * @typedef {{ minScores: Record<string, number>, pages: { name: string, label: string,
 *   path?: string, targets: SpeedTargets }[] }} Mobile
 * @typedef {{ name: string, label: string, url: string, speed: SpeedTargets }} Page
 * @typedef {{ profile: Profile, minScores: Record<string, number>, pages: Page[] }} Plan
 */

/** @type {{ lighthouse: Desktop, load: Mobile }} */
const budgets = JSON.parse(readFileSync(join(root, 'budgets.json'), 'utf8'));
const { lighthouse: desktop, load: mobile } = budgets;
const { values: args } = parseArgs({
  options: { profile: { type: 'string' }, rounds: { type: 'string' } },
});
if (args.profile !== undefined && args.profile !== 'desktop' && args.profile !== 'mobile') {
  throw new Error(`--profile is desktop or mobile, not ${args.profile}`);
}
const rounds = Number(args.rounds ?? desktop.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be ≥ 1, not ${rounds}`);
const maxLoad = desktop.maxLoadPerCore;
const settleMs = Number(process.env.LIGHTHOUSE_SETTLE_SECONDS ?? desktop.settleSeconds) * 1000;

const started = Date.now();
const { consoleOrigin, floorOrigin } = await startLab();

/** @param {SpeedTargets | undefined} targets */
const speedOnly = ({ maxPerformanceDrop, minPerformance, maxLcpRatio } = {}) =>
  /** @type {SpeedTargets} */ (
    Object.fromEntries(
      Object.entries({ maxPerformanceDrop, minPerformance, maxLcpRatio }).filter(
        ([, value]) => value !== undefined,
      ),
    )
  );

/** @type {Plan[]} */
const plans = [
  {
    profile: /** @type {const} */ ('desktop'),
    minScores: desktop.minScores,
    pages: desktop.pages.map(({ name, path, vsFloor: own }) => ({
      name,
      label: `${name} ${path}`,
      url: `${consoleOrigin}${path}`,
      speed: speedOnly({ ...desktop.vsFloor.desktop, ...own?.desktop }),
    })),
  },
  {
    profile: /** @type {const} */ ('mobile'),
    minScores: mobile.minScores,
    // The live list has no path: Lighthouse clears storage, so it would audit the sign-in page.
    pages: mobile.pages.flatMap(({ name, label, path, targets }) =>
      path ? [{ name, label, url: `${consoleOrigin}${path}`, speed: speedOnly(targets) }] : [],
    ),
  },
].filter(({ profile }) => args.profile === undefined || args.profile === profile);
const categories = [
  'performance',
  ...new Set(plans.flatMap(({ minScores }) => Object.keys(minScores))),
];
/** @param {Plan} plan */
const targetsOf = ({ profile, pages }) => ({
  profile,
  targets: [{ name: 'floor', url: `${floorOrigin}/` }, ...pages],
});

const chromePort = await startChromium();
const quiet = await settle({ max: maxLoad, timeoutMs: settleMs });
if (!quiet.settled) {
  console.log(
    `Still ${quiet.load.toFixed(1)} per core after ${settleMs / 1000} s: auditing anyway, with ` +
      'a second look; a speed miss on this machine fails as not judged.',
  );
}
// The first audit of a fresh Chromium runs cold (its caches, Lighthouse's own modules): one run
// of the floor that counts for nothing, so it never lands on a page or a floor that is compared.
await audit({
  chromePort,
  url: `${floorOrigin}/`,
  reportName: 'warm-up',
  profile: plans[0]?.profile ?? 'desktop',
  categories: ['performance'],
});
const audited = await auditInTurns({
  chromePort,
  profiles: plans.map(targetsOf),
  rounds,
  categories,
});

/**
 * What a profile's runs miss: `steady` (accessibility, best practices, a floor that measured
 * nothing), which no second look changes, and `slow` (speed against the floor).
 * @param {Plan} plan
 */
function check({ profile, minScores, pages }) {
  const { runs, loads } = /** @type {Audited} */ (audited[profile]);
  const floorRuns = runs.get('floor') ?? [];
  /** @type {string[]} */
  const steady = [];
  /** @type {string[]} */
  const slow = [];
  // A floor that measured nothing would make every ratio meaningless: say why.
  if (!floorRuns.every((run) => run.lcp > 0 && run.performance > 0)) {
    steady.push(`${profile} floor: Lighthouse reported no performance score or LCP`);
  }
  for (const { name, label, speed } of pages) {
    const list = runs.get(name) ?? [];
    steady.push(...scoreMisses(minScores, list).map((miss) => `${profile} ${label}: ${miss}`));
    slow.push(...speedMisses(speed, list, floorRuns).map((miss) => `${profile} ${label}: ${miss}`));
  }
  return { steady, slow, ...judgeable(loads, maxLoad) };
}

let results = plans.map((plan) => ({ plan, ...check(plan) }));
// A second look where speed missed or the machine was overloaded: one round on a busy 2-core
// machine can be a noisy one, and the medians of more rounds decide. A page that is slower than
// its target misses both looks. Skipped when something steady already fails the run.
const again = results.filter((r) => r.steady.length === 0 && (r.slow.length > 0 || !r.judged));
if (again.length > 0 && results.every((r) => r.steady.length === 0)) {
  for (const { plan, slow, judged, load } of again) {
    const reason = judged
      ? `first look missed:\n  ${slow.join('\n  ')}`
      : `first look made on an overloaded machine (load ${load.toFixed(1)} per core > ${maxLoad})`;
    console.log(
      `\n${plan.profile}: ${reason}\nSecond look: ${desktop.secondLookRounds} more round(s); ` +
        'the medians of all decide.',
    );
  }
  await settle({ max: maxLoad, timeoutMs: settleMs });
  await auditInTurns({
    chromePort,
    profiles: again.map(({ plan }) => targetsOf(plan)),
    rounds: desktop.secondLookRounds,
    firstRound: rounds,
    categories,
    into: audited,
  });
  results = plans.map((plan) => ({ plan, ...check(plan) }));
}

// ---- Report -----------------------------------------------------------------------------------

/** @type {string[]} */
const failures = [];
for (const { plan, steady, slow, load, judged, why } of results) {
  const { runs } = /** @type {Audited} */ (audited[plan.profile]);
  const floorRuns = runs.get('floor') ?? [];
  /** @param {Run[]} list @param {(run: Run) => number} pick */
  const med = (list, pick) => median(list.map(pick)).toFixed(2);
  const rows = [{ name: 'floor', label: 'floor (scripts/floor)' }, ...plan.pages].map(
    ({ name, label }) => {
      const list = runs.get(name) ?? [];
      const relative = name === 'floor' ? undefined : vsFloor(list, floorRuns);
      return [
        label,
        med(list, (r) => r.performance),
        median(list.map((r) => r.lcp)).toFixed(0),
        median(list.map((r) => r.tbt)).toFixed(0),
        med(list, (r) => r.scores.accessibility ?? NaN),
        med(list, (r) => r.scores['best-practices'] ?? NaN),
        relative ? relative.drop.toFixed(2) : '',
        relative ? relative.lcpRatio.toFixed(2) : '',
      ];
    },
  );
  console.log(
    `\nLighthouse ${plan.profile}: medians of ${floorRuns.length} run(s); floor−perf and ` +
      `LCP×floor are medians of same-round pairs; load ${load.toFixed(1)} per core (median)`,
  );
  console.log(
    table(['page', 'perf', 'LCP ms', 'TBT ms', 'a11y', 'b-p', 'floor−perf', 'LCP×floor'], rows),
  );
  for (const { name, label, speed } of plan.pages) {
    console.log(`  ${label}: speed targets ${JSON.stringify(speed)}`);
    const list = runs.get(name) ?? [];
    if (!slow.some((miss) => miss.startsWith(`${plan.profile} ${label}:`))) continue;
    // Name what cost points (weighted audits below 1), for whoever has to fix it.
    const costs = [...new Set(list.flatMap((r) => Object.keys(r.costs)))];
    for (const id of costs) {
      console.log(`    ${id}: ${list.map((r) => r.costs[id] ?? 'ok').join(' / ')}`);
    }
  }
  failures.push(...steady);
  if (slow.length > 0) {
    failures.push(...(judged ? slow : slow.map((miss) => `${miss} — NOT JUDGED: ${why}`)));
  } else if (!judged) {
    // Contention costs the console more than the floor (it does several times the floor's
    // main-thread work), so every target held on a busy machine holds on a quiet one.
    console.log(`  Judged despite the load: every speed target held over the rounds above.`);
  }
}

for (const failure of failures) console.error(`\n${failure}`);
console.log(
  `\n${failures.length === 0 ? 'Every Lighthouse target holds' : 'Lighthouse gate FAILED'} ` +
    `(budgets.json lighthouse, load); took ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
await cleanUp();
// Lighthouse's browser connection may keep the event loop alive.
process.exit(failures.length === 0 ? 0 : 1);
