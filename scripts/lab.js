// What the measuring scripts (lighthouse.js, bench-load.js) share: free ports, waiting for a
// server, the processes and temp dirs they start (stopped however the script ends), Debian's
// Chromium for Lighthouse, one Lighthouse run, the console's server and the floor app.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.js';
import { cachedFloor, serveFloor } from './floor/serve.js';
import { loadPerCore } from './speed-gate.js';

/** @typedef {import('./speed-gate.js').Run} Run */

export const root = fileURLToPath(new URL('..', import.meta.url));

/** @returns {Promise<number>} */
export function freePort() {
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
export async function waitFor(url, timeoutMs) {
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
/** @type {(() => Promise<void>)[]} */
const closers = [];

/** Stops `close` with everything else when the script cleans up. */
export const onCleanUp = (/** @type {() => Promise<void>} */ close) => closers.push(close);

// Waits for what it stops: Chromium keeps writing its profile for a moment after SIGTERM.
export async function cleanUp() {
  await Promise.all([
    ...closers.map((close) => close()),
    ...children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        }),
    ),
  ]);
  for (const dir of tempDirs) removeTempDir(dir);
}
// Chromium's helper processes can outlive the browser for a moment and still write its profile
// (CI once failed a green run with ENOTEMPTY here): retry, then leave the directory with a warning
// rather than fail the audit over a temp folder.
/** @param {string} dir */
function removeTempDir(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.warn(`Could not remove ${dir}: ${error instanceof Error ? error.message : error}`);
  }
}
// On a crash or Ctrl-C, at least nothing we started keeps running.
process.once('exit', () => {
  children.forEach((child) => child.kill('SIGKILL'));
  for (const dir of tempDirs) removeTempDir(dir);
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => process.exit(130));
}

/**
 * A Node script of this repo as a child process, stopped at clean-up.
 * @param {string} script path from the repo root
 * @param {Record<string, string>} env
 */
function startScript(script, env) {
  const child = spawn(process.execPath, [join(root, script)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  return child;
}

/**
 * The console's production server (server/start.js builds first when dist/ is missing or
 * stale), or the one already serving on PORT.
 * @param {Record<string, string>} [env] e.g. CONSOLE_MODES, MANAGEMENT_API_URL
 */
export async function startConsole(env = {}) {
  if (process.env.PORT) {
    const origin = `http://127.0.0.1:${process.env.PORT}`;
    await waitFor(`${origin}/healthz`, 5_000);
    return origin;
  }
  const port = await freePort();
  startScript('server/start.js', {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...env,
  });
  await waitFor(`http://127.0.0.1:${port}/healthz`, 180_000);
  return `http://127.0.0.1:${port}`;
}

/** The 1NCE API stand-in (scripts/upstream.js), for live pages; its origin. */
export async function startUpstream() {
  const port = await freePort();
  startScript('scripts/upstream.js', { UPSTREAM_PORT: String(port), UPSTREAM_HOST: '127.0.0.1' });
  await waitFor(`http://127.0.0.1:${port}/healthz`, 60_000);
  return `http://127.0.0.1:${port}`;
}

/** The floor app (scripts/floor), built once per set of inputs and served; its origin. */
export async function startFloor() {
  const dir = await cachedFloor();
  const floor = await serveFloor(dir);
  closers.push(floor.close);
  return floor.origin;
}

/**
 * The console (live pages in front of the API stand-in, unless PORT names a console already
 * running) and the floor app, started side by side; their origins.
 */
export async function startLab() {
  const upstream = process.env.PORT ? undefined : await startUpstream();
  const [consoleOrigin, floorOrigin] = await Promise.all([
    startConsole({
      CONSOLE_MODES: 'demo,live',
      ...(upstream ? { MANAGEMENT_API_URL: `${upstream}/management-api` } : {}),
    }),
    startFloor(),
  ]);
  return { consoleOrigin, floorOrigin };
}

// Lighthouse drives a Chromium we start ourselves (no chrome-launcher): Debian's, headless, with
// the same quieting flags as the Playwright config, so nothing in the background skews timings.
export async function startChromium() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  const port = await freePort();
  const profileDir = mkdtempSync(join(tmpdir(), 'lighthouse-chromium-'));
  tempDirs.push(profileDir);
  const chromium = spawn(
    CHROMIUM_PATH,
    [
      '--headless=new',
      `--remote-debugging-port=${port}`,
      ...CHROMIUM_FLAGS,
      '--no-default-browser-check',
      `--user-data-dir=${profileDir}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  children.push(chromium);
  await waitFor(`http://127.0.0.1:${port}/json/version`, 30_000);
  return port;
}

/**
 * One Lighthouse run. Lighthouse resets the origin's storage before each run, which also
 * unregisters MSW's service worker, so every run is a first visit.
 * @param {{ chromePort: number, url: string, reportName: string,
 *   profile: 'desktop' | 'mobile', categories: string[] }} options
 * @returns {Promise<Run>}
 */
export async function audit({ chromePort, url, reportName, profile, categories }) {
  const run = () =>
    lighthouse(
      url,
      { port: chromePort, output: 'json', logLevel: 'error', onlyCategories: categories },
      // Mobile is Lighthouse's default config: a Moto G Power, 4x CPU slowdown, slow 4G.
      profile === 'desktop' ? desktopConfig : undefined,
    );
  let result = await run();
  // On an overloaded machine the trace is now and then incomplete (NO_NAVSTART, NO_FCP), and
  // Lighthouse's advice is to run again: once. A page that really never paints fails twice.
  if (result?.lhr.runtimeError) {
    console.log(`  (${reportName}: ${result.lhr.runtimeError.code}, running it again)`);
    result = await run();
  }
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  if (process.env.LIGHTHOUSE_REPORTS) {
    mkdirSync(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
    writeFileSync(
      join(process.env.LIGHTHOUSE_REPORTS, `${reportName}.json`),
      JSON.stringify(lhr, null, 1),
    );
  }
  /** @param {string} id */
  const ms = (id) => lhr.audits[id]?.numericValue ?? NaN;
  /** @type {Record<string, string>} */
  const costs = {};
  for (const id of categories) {
    // Name what cost points (weighted audits below 1), for whoever has to fix it.
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const item = lhr.audits[ref.id];
      if (ref.weight > 0 && item && item.score !== null && item.score < 1) {
        costs[`${id}: ${ref.id}`] = item.displayValue || String(item.score);
      }
    }
  }
  const scores = Object.fromEntries(categories.map((id) => [id, lhr.categories[id]?.score ?? NaN]));
  return {
    performance: scores.performance ?? NaN,
    lcp: ms('largest-contentful-paint'),
    tbt: ms('total-blocking-time'),
    fcp: ms('first-contentful-paint'),
    benchmark: lhr.environment.benchmarkIndex,
    scores,
    costs,
  };
}

/**
 * A table with its first column left-aligned and the others right-aligned.
 * @param {string[]} header
 * @param {string[][]} rows
 */
export function table(header, rows) {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (/** @type {string[]} */ cells) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * @typedef {'desktop' | 'mobile'} Profile
 * @typedef {{ runs: Map<string, Run[]>, loads: number[] }} Audited what one profile's rounds
 *   measured: each target's runs in round order, and the load per core before each run
 */

/**
 * Lighthouse on each target of each profile once per round, `rounds` rounds. A round audits one
 * profile's targets (its floor among them) in turns, then the next profile's, so a page is
 * compared with a floor audited a minute apart, under the same load. Each round starts with
 * another target, so a cold run never lands on the same one twice. Before each run, the 1-minute
 * load average per core: how busy the machine was. `firstRound` numbers the rounds of a second
 * look on from the first look's; `into` is the first look's, which the second look extends.
 * @param {{ chromePort: number, profiles: { profile: Profile, targets: { name: string,
 *   url: string }[] }[], rounds: number, categories: string[], firstRound?: number,
 *   into?: Partial<Record<Profile, Audited>> }} options
 * @returns {Promise<Partial<Record<Profile, Audited>>>}
 */
export async function auditInTurns({
  chromePort,
  profiles,
  rounds,
  categories,
  firstRound = 0,
  into = {},
}) {
  for (const { profile, targets } of profiles) {
    into[profile] ??= { runs: new Map(), loads: [] };
    for (const { name } of targets) {
      if (!into[profile].runs.has(name)) into[profile].runs.set(name, []);
    }
  }
  const summary = profiles.map(({ profile, targets }) => {
    return `${profile} (${targets.map((t) => t.name).join(', ')})`;
  });
  console.log(`Lighthouse, ${rounds} round(s) of ${summary.join(' and ')}, in turns`);
  for (let round = firstRound; round < firstRound + rounds; round += 1) {
    for (const { profile, targets } of profiles) {
      const audited = /** @type {Audited} */ (into[profile]);
      for (const target of targets.map((_, i) => targets[(i + round) % targets.length])) {
        if (!target) continue;
        audited.loads.push(loadPerCore());
        const reportName = `${profile}-${target.name}-${round + 1}`;
        const run = await audit({ chromePort, url: target.url, reportName, profile, categories });
        audited.runs.get(target.name)?.push(run);
        console.log(
          `  round ${round + 1} ${profile.padEnd(7)} ${target.name.padEnd(8)} ` +
            `perf ${run.performance.toFixed(2)}  LCP ${run.lcp.toFixed(0)} ms  ` +
            `TBT ${run.tbt.toFixed(0)} ms  FCP ${run.fcp.toFixed(0)} ms  ` +
            // Lighthouse's CPU benchmark of this run: it falls as the machine gets busier.
            `CPU benchmark ${run.benchmark.toFixed(0)}`,
        );
      }
    }
  }
  return into;
}
