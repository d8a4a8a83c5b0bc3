// The first-load benchmark (npm run bench:load): the console's pages against the floor app
// (scripts/floor: one screen on the same stack, built by the same Vite), measured side by side in
// one run, as ratios, since the machines are shared and noisy.
//  - Bytes: every script and stylesheet the page receives from its server until nothing more is
//    requested for 500 ms, gzip -9 of each body (so it does not depend on how the server
//    compresses), and how many files that is (each a request: scripts/first-load-chunks.js).
//    Headless Chromium driven by Playwright, a fresh profile per page.
//  - Lighthouse's default mobile profile (Moto G Power, 4x CPU slowdown, slow 4G), N rounds in
//    turns; medians, and each page against the floor of its own round.
// Pages: live sign-in (a signed-out tab opening /integrations?live), the live list as a signed-in
// tab reloads it (bytes only: Lighthouse resets storage, so it would see the sign-in page), and
// the demo list (MSW and its service worker included).
// Usage: node scripts/bench-load.js [--runs N] [--bytes-only] [--gate]
//          --gate: exit 1 when a byte target is missed: budgets.json `load` (JS and CSS against
//                  the floor's, file counts) and `bundle` (the live list's and the sign-in
//                  journey's JS, as served). npm test runs it with --bytes-only (bench:bytes).
//                  Lighthouse's figures here are reported, never gated: scripts/lighthouse.js
//                  gates them (npm run lighthouse; bench:gate for the mobile ones alone).
//        PORT=… as in lighthouse.js (a console already serving, with live mode against the
//        stand-in); LIGHTHOUSE_REPORTS=dir keeps each run's JSON report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.js';
import { auditInTurns, cleanUp, root, startChromium, startLab, table } from './lab.js';
import { median, scoreMisses, speedMisses, vsFloor } from './speed-gate.js';

/**
 * @typedef {{ js?: number, css?: number, maxPerformanceDrop?: number, minPerformance?: number,
 *   maxLcpRatio?: number, maxFiles?: number }} Targets
 * @typedef {{ name: string, label: string, path?: string, targets: Targets }} PageBudget
 * @typedef {{ runs: number, minScores: Record<string, number>, pages: PageBudget[] }} LoadBudget
 * @typedef {Record<'listPageLive' | 'signInToListLive', { limitGzipBytes: number }>} Bundle
 * @typedef {{ js: number, css: number, files: [string, number][] }} Bytes
 */

/** @type {{ load: LoadBudget, bundle: Bundle }} */
const budgets = JSON.parse(readFileSync(join(root, 'budgets.json'), 'utf8'));
const { load } = budgets;
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string' },
    'bytes-only': { type: 'boolean', default: false },
    gate: { type: 'boolean', default: false },
  },
});
const rounds = Number(args.runs ?? load.runs);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--runs must be ≥ 1, not ${rounds}`);
const categories = ['performance', ...Object.keys(load.minScores)];
const USER = 'e2e-api-user';
const PASSWORD = 'e2e-api-password';

const started = Date.now();
const { consoleOrigin, floorOrigin } = await startLab();

// ---- Bytes ------------------------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: ['--headless', ...CHROMIUM_FLAGS],
});

/**
 * Records the scripts and stylesheets a page receives from `origin`, gzip -9 of each body.
 * @param {import('@playwright/test').Page} page
 * @param {string} origin
 */
function recordAssets(page, origin) {
  /** @type {Map<string, { type: 'js' | 'css', size: Promise<number> }>} */
  const assets = new Map();
  let requests = 0;
  page.on('request', () => (requests += 1));
  page.on('response', (response) => {
    const url = new URL(response.url());
    const type = { script: 'js', stylesheet: 'css' }[response.request().resourceType()];
    if (url.origin !== origin || !type || assets.has(url.pathname)) return;
    assets.set(url.pathname, {
      type: /** @type {'js' | 'css'} */ (type),
      size: response.body().then((body) => gzipSync(body, { level: 9 }).length),
    });
  });
  return {
    /** Until no request has started for 500 ms: what a page fetches once shown counts too. */
    async quiet() {
      for (let seen = -1; seen !== requests;) {
        seen = requests;
        await page.waitForTimeout(500);
      }
    },
    clear: () => assets.clear(),
    /** @returns {Promise<Bytes>} */
    async bytes() {
      /** @type {Bytes} */
      const total = { js: 0, css: 0, files: [] };
      for (const [path, { type, size }] of assets) {
        const bytes = await size;
        total[type] += bytes;
        total.files.push([path, bytes]);
      }
      total.files.sort((a, b) => b[1] - a[1]);
      return total;
    },
  };
}

/**
 * @param {string} origin
 * @param {(page: import('@playwright/test').Page,
 *   assets: ReturnType<typeof recordAssets>) => Promise<void>} load
 */
async function measureBytes(origin, load) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const assets = recordAssets(page, origin);
  try {
    await load(page, assets);
    await assets.quiet();
    return await assets.bytes();
  } finally {
    await context.close();
  }
}

const timeout = 60_000;
/** @type {Map<string, Bytes>} */
const bytes = new Map();
bytes.set(
  'floor',
  await measureBytes(floorOrigin, async (page) => {
    await page.goto(`${floorOrigin}/`);
    await page.getByText('Integration 10', { exact: true }).waitFor({ timeout });
  }),
);
bytes.set(
  'signIn',
  await measureBytes(consoleOrigin, async (page) => {
    await page.goto(`${consoleOrigin}/integrations?live`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout });
  }),
);
bytes.set(
  'listLive',
  await measureBytes(consoleOrigin, async (page, assets) => {
    await page.goto(`${consoleOrigin}/integrations?live`);
    await page.getByLabel('API username').fill(USER);
    await page.getByLabel('API password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Cold-chain alerts' }).waitFor({ timeout });
    await assets.quiet();
    // The whole journey of a signed-out tab, /integrations?live → sign-in → list.
    bytes.set('journey', await assets.bytes());
    // A signed-in tab (session and mode are in sessionStorage) loading the list afresh, with the
    // HTTP cache off so every file is fetched again.
    assets.clear();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${consoleOrigin}/integrations`);
    await page.getByRole('link', { name: 'Cold-chain alerts' }).waitFor({ timeout });
  }),
);
bytes.set(
  'listDemo',
  await measureBytes(consoleOrigin, async (page) => {
    await page.goto(`${consoleOrigin}/integrations?demo`);
    await page.getByRole('link', { name: 'Cold-chain alerts' }).waitFor({ timeout });
  }),
);
await browser.close();

// ---- Lighthouse, mobile (reported; scripts/lighthouse.js gates it) ---------------------------

/** @typedef {Map<string, import('./speed-gate.js').Run[]>} Runs */
/** @type {{ runs: Runs, loads: number[] }} */
const { runs, loads } = args['bytes-only']
  ? { runs: new Map(), loads: [] }
  : ((
      await auditInTurns({
        chromePort: await startChromium(),
        profiles: [
          {
            profile: 'mobile',
            targets: [
              { name: 'floor', url: `${floorOrigin}/` },
              ...load.pages.flatMap(({ name, path }) =>
                path ? [{ name, url: `${consoleOrigin}${path}` }] : [],
              ),
            ],
          },
        ],
        rounds,
        categories,
      })
    ).mobile ?? { runs: new Map(), loads: [] });

// ---- Targets ----------------------------------------------------------------------------------

/** @param {import('./speed-gate.js').Run[]} list @param {(run: import('./speed-gate.js').Run) => number} pick */
const med = (list, pick) => median(list.map(pick));
const kB = (/** @type {number} */ n) => (n / 1000).toFixed(1);
const fixed = (/** @type {number} */ n, digits = 2) => (Number.isNaN(n) ? '' : n.toFixed(digits));
const floorBytes = /** @type {Bytes} */ (bytes.get('floor'));

/** @type {string[]} what misses a byte target: these gate (--gate) */
const missed = [];
for (const { name, label, targets } of load.pages) {
  const b = /** @type {Bytes} */ (bytes.get(name));
  if (targets.js !== undefined && !(b.js / floorBytes.js <= targets.js)) {
    missed.push(
      `${label}: JS ${fixed(b.js / floorBytes.js)} × the floor's (at most ${targets.js})`,
    );
  }
  if (targets.css !== undefined && !(b.css / floorBytes.css <= targets.css)) {
    missed.push(
      `${label}: CSS ${fixed(b.css / floorBytes.css)} × the floor's (at most ${targets.css})`,
    );
  }
  if (targets.maxFiles !== undefined && !(b.files.length <= targets.maxFiles)) {
    missed.push(
      `${label}: ${b.files.length} scripts and stylesheets (at most ${targets.maxFiles})`,
    );
  }
}
// The absolute budgets of the live list's JS (budgets.json `bundle`), measured as served. A
// journey that counted no list chunk would pass any limit: the list route's chunk must be there.
for (const [name, budget, label] of /** @type {const} */ ([
  ['listLive', 'listPageLive', 'live list page (signed in, fresh load)'],
  ['journey', 'signInToListLive', 'live, signed out: /integrations?live → sign-in → list'],
])) {
  const b = /** @type {Bytes} */ (bytes.get(name));
  const limit = budgets.bundle[budget].limitGzipBytes;
  if (!b.files.some(([path]) => /\/list-page-[\w-]+\.js$/.test(path))) {
    missed.push(`${label}: no list-page-*.js among its scripts (renamed?)`);
  }
  if (!(b.js <= limit)) {
    missed.push(`${label}: JS ${kB(b.js)} kB (bundle.${budget}: at most ${kB(limit)} kB)`);
  }
}

/** @type {string[]} what Lighthouse's runs miss: reported here, gated by scripts/lighthouse.js */
const reported = load.pages.flatMap(({ name, label, targets }) => {
  const list = runs.get(name) ?? [];
  return list.length === 0
    ? []
    : [
        ...scoreMisses(load.minScores, list),
        ...speedMisses(targets, list, runs.get('floor') ?? []),
      ].map((miss) => `${label}: ${miss}`);
});

// ---- Report -----------------------------------------------------------------------------------

const floorRuns = runs.get('floor') ?? [];
const vsFloorOf = (/** @type {import('./speed-gate.js').Run[]} */ list) => vsFloor(list, floorRuns);

const pages = [{ name: 'floor', label: 'floor (scripts/floor)', targets: {} }, ...load.pages];
/** @type {string[][]} */
const rows = pages.map(({ name, label }) => {
  const b = /** @type {Bytes} */ (bytes.get(name));
  const list = runs.get(name) ?? [];
  const relative = name === 'floor' || list.length === 0 ? undefined : vsFloorOf(list);
  return [
    label,
    String(b.files.length),
    kB(b.js),
    fixed(b.js / floorBytes.js),
    kB(b.css),
    fixed(b.css / floorBytes.css),
    list.length ? fixed(med(list, (r) => r.performance)) : '',
    list.length
      ? fixed(
          med(list, (r) => r.lcp),
          0,
        )
      : '',
    relative ? fixed(relative.lcpRatio) : '',
    list.length
      ? fixed(
          med(list, (r) => r.tbt),
          0,
        )
      : '',
    list.length ? fixed(med(list, (r) => r.scores.accessibility ?? NaN)) : '',
    list.length ? fixed(med(list, (r) => r.scores['best-practices'] ?? NaN)) : '',
  ];
});
console.log(
  `\nFirst load, gzip -9 of every script and stylesheet received; Lighthouse mobile medians of ` +
    `${floorRuns.length} run(s), LCP×floor the median of same-round pairs\n`,
);
console.log(
  table(
    [
      'page',
      'files',
      'JS kB',
      '×floor',
      'CSS kB',
      '×floor',
      'perf',
      'LCP ms',
      '×floor',
      'TBT ms',
      'a11y',
      'b-p',
    ],
    rows,
  ),
);
for (const { name, label } of [
  ...pages,
  { name: 'journey', label: 'live, signed out: /integrations?live → sign-in → list' },
]) {
  const b = /** @type {Bytes} */ (bytes.get(name));
  console.log(
    `\n${label}: ${b.files.map(([path, n]) => `${path.replace('/assets/', '')} ${kB(n)}`).join(', ')}`,
  );
}

if (loads.length) {
  console.log(
    `\nLoad average (1 min) per core during the Lighthouse runs: median ${median(loads).toFixed(1)}`,
  );
  console.log(
    reported.length
      ? `Lighthouse targets these runs miss (reported; npm run lighthouse gates them):\n  ${reported.join('\n  ')}`
      : 'Lighthouse: these runs meet every target (npm run lighthouse gates them).',
  );
}
for (const [name, budget, label] of /** @type {const} */ ([
  ['listLive', 'listPageLive', 'Live list page JS'],
  ['journey', 'signInToListLive', 'Live sign-in → list JS'],
])) {
  const js = /** @type {Bytes} */ (bytes.get(name)).js;
  console.log(
    `\n${label}: ${kB(js)} kB (bundle.${budget}: at most ${kB(budgets.bundle[budget].limitGzipBytes)} kB)`,
  );
}
console.log(
  missed.length
    ? `\nByte targets missed (budgets.json load, bundle):\n  ${missed.join('\n  ')}`
    : '\nEvery byte target of budgets.json `load` and `bundle` holds.',
);
console.log(`\nbench:load took ${((Date.now() - started) / 1000).toFixed(0)} s`);
await cleanUp();
process.exit(args.gate && missed.length > 0 ? 1 : 0);
