// Lighthouse on the production build, against the thresholds in budgets.json (exit 1 below them).
// Usage: node scripts/lighthouse.js            (starts `npm start` on a free port, builds if stale)
//        PORT=4173 node scripts/lighthouse.js  (audits a console already serving on that port)
//        LIGHTHOUSE_REPORTS=dir …              (also keeps each run's full JSON report there)
// Pages are demo-mode ones: they need no account. Demo mode is the harder case for performance
// (it also loads MSW, ~160 kB gzip, and registers its service worker before the first render), so
// a live page, which loads neither, scores at least as well.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** @type {{ lighthouse: { pages: { name: string, path: string }[], minScores: Record<string, number> } }} */
const budgets = JSON.parse(readFileSync(join(root, 'budgets.json'), 'utf8'));
const { pages, minScores } = budgets.lighthouse;

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * @param {string} url
 * @param {number} timeoutMs
 */
async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
/** @type {string[]} */
const tempDirs = [];
// Waits for what it stops: Chromium keeps writing its profile for a moment after SIGTERM.
async function cleanUp() {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        }),
    ),
  );
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}
// On a crash or Ctrl-C, at least nothing we started keeps running.
process.once('exit', () => children.forEach((child) => child.kill('SIGKILL')));
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => process.exit(130));
}

async function startConsole() {
  if (process.env.PORT) {
    const origin = `http://127.0.0.1:${process.env.PORT}`;
    await waitFor(`${origin}/healthz`, 5_000);
    return origin;
  }
  const port = await freePort();
  const server = spawn(process.execPath, [join(root, 'server', 'start.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(server);
  // start.js builds first when dist/ is missing or stale.
  await waitFor(`http://127.0.0.1:${port}/healthz`, 180_000);
  return `http://127.0.0.1:${port}`;
}

// Lighthouse drives a Chromium we start ourselves (no chrome-launcher): Debian's, headless, with
// the same quieting flags as the Playwright config, so nothing in the background skews timings.
async function startChromium() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-chromium-'));
  tempDirs.push(profile);
  const chromium = spawn(
    CHROMIUM_PATH,
    [
      '--headless=new',
      `--remote-debugging-port=${port}`,
      ...CHROMIUM_FLAGS,
      '--no-default-browser-check',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  children.push(chromium);
  await waitFor(`http://127.0.0.1:${port}/json/version`, 30_000);
  return port;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const started = Date.now();
const origin = await startConsole();
const chromePort = await startChromium();
const categories = Object.keys(minScores);

/** @type {{ page: string, scores: Record<string, number>, failing: string[] }[]} */
const results = [];
for (const { name, path } of pages) {
  /** @type {Record<string, number[]>} */
  const runs = Object.fromEntries(categories.map((id) => [id, []]));
  /** @type {Set<string>} */
  const failing = new Set();
  // One run, and two more only if performance (the one score that varies from run to run on a
  // loaded 2-core machine) is below the minimum: then the median of three counts, as
  // Lighthouse's docs recommend. The other categories come out the same every run.
  const minPerformance = minScores.performance ?? 0;
  for (let run = 0; run < 3; run += 1) {
    if (run === 1 && median(runs.performance ?? []) >= minPerformance) break;
    // Lighthouse resets the origin's storage before each run, which also unregisters MSW's
    // service worker, so every run is a first visit that installs it afresh, never one that
    // starts already controlled by a worker left over from the previous run.
    const result = await lighthouse(
      `${origin}${path}`,
      { port: chromePort, output: 'json', logLevel: 'error', onlyCategories: categories },
      desktopConfig,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
    if (process.env.LIGHTHOUSE_REPORTS) {
      mkdirSync(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
      const file = join(process.env.LIGHTHOUSE_REPORTS, `${name}-${run + 1}.json`);
      writeFileSync(file, JSON.stringify(lhr, null, 1));
    }
    for (const id of categories) {
      const category = lhr.categories[id];
      runs[id]?.push(category?.score ?? 0);
      // Name what cost points (weighted audits below 1), for whoever has to fix it.
      for (const ref of category?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          failing.add(`${id}: ${ref.id} (${audit.displayValue || audit.score})`);
        }
      }
    }
  }
  results.push({
    page: `${name} ${path}`,
    scores: Object.fromEntries(Object.entries(runs).map(([id, scores]) => [id, median(scores)])),
    failing: [...failing],
  });
  const all = Object.entries(runs).map(([id, scores]) => `${id} ${scores.join('/')}`);
  console.log(`${name}: ${all.join(', ')}`);
}

const width = Math.max(...results.map((r) => r.page.length), 4);
console.log(`\n${'page'.padEnd(width)}  ${categories.map((id) => id.padStart(16)).join('')}`);
for (const { page, scores } of results) {
  const cells = categories.map((id) => (scores[id] ?? 0).toFixed(2).padStart(16));
  console.log(`${page.padEnd(width)}  ${cells.join('')}`);
}
console.log(
  `${'minimum'.padEnd(width)}  ${categories.map((id) => String(minScores[id]).padStart(16)).join('')}`,
);

let ok = true;
for (const { page, scores, failing } of results) {
  const below = categories.filter((id) => (scores[id] ?? 0) < (minScores[id] ?? 1));
  if (below.length === 0) continue;
  ok = false;
  console.error(`\n${page}: below the minimum in ${below.join(', ')}; audits that cost points:`);
  for (const line of failing.filter((f) => below.some((id) => f.startsWith(`${id}:`)))) {
    console.error(`  ${line}`);
  }
}
console.log(`\nLighthouse took ${((Date.now() - started) / 1000).toFixed(0)} s`);
await cleanUp();
// Lighthouse's browser connection may keep the event loop alive.
process.exit(ok ? 0 : 1);
