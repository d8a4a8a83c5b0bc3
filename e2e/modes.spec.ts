import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import {
  expect,
  test,
  UPSTREAM,
  UPSTREAM_HOST,
  resetUpstream,
  signIn as fillSignIn,
  upstreamRequests,
} from './fixtures';

// CONSOLE_MODES: one server per deployment, each on a port of its own (PORT=0: the OS picks a
// free one, read back from the start-up line), against the config's 1NCE API stand-in. The build
// exists: the config's `npm start` made it.
const DEMO_FILE = /mockServiceWorker|demo-service-worker|\/assets\/demo-/;

type Deployment = { base: string; modesLine: string; server: ChildProcess };
const deployments = new Map<string, Deployment>();

async function start(modes: string): Promise<Deployment> {
  const server = spawn(process.execPath, ['server/index.js'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      CONSOLE_MODES: modes,
      MANAGEMENT_API_URL: `${UPSTREAM}/management-api`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const reader = createInterface({ input: server.stdout! });
  await new Promise<void>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`CONSOLE_MODES=${modes}: exited with ${code}`)));
    reader.on('line', (line) => {
      lines.push(line);
      if (lines.length === 2) resolve();
    });
  });
  // The server prints these lines once it is listening (server/index.js): no probe needed.
  const base = lines[0]!.match(/open (http:\/\/\S+)$/)![1]!;
  return { base, modesLine: lines[1]!, server };
}

/** The deployment's server (started once for the file) and its URL for `path`. */
function url(modes: string, path: string) {
  return `${deployments.get(modes)!.base}${path}`;
}

test.beforeAll(async () => {
  await Promise.all(
    ['live', 'live,demo', 'demo'].map(async (modes) => deployments.set(modes, await start(modes))),
  );
});

test.beforeEach(async ({ request }) => {
  await resetUpstream(request);
});

test.afterAll(() => {
  for (const { server } of deployments.values()) server.kill();
});

/**
 * Every path the page asks for, and every console message and DevTools issue about the CSP. A
 * blocked eval that the page catches (zod probing `new Function` without jitless) logs nothing to
 * the console, but Chrome still raises an issue, which Lighthouse's best practices count.
 */
async function record(page: Page) {
  const paths: string[] = [];
  const cspMessages: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspMessages.push(message.text());
  });
  const devtools = await page.context().newCDPSession(page);
  devtools.on('Audits.issueAdded', ({ issue }) => {
    if (issue.code === 'ContentSecurityPolicyIssue') cspMessages.push(JSON.stringify(issue));
  });
  await devtools.send('Audits.enable');
  return { paths, cspMessages };
}

async function signIn(page: Page) {
  await fillSignIn(page);
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
}

test('live only: a new tab signs in, ?demo is ignored, and no demo code is ever fetched', async ({
  page,
}) => {
  expect(deployments.get('live')!.modesLine).toMatch(
    /^Modes: live \(1NCE API at .*\) only, no demo/,
  );
  const { paths, cspMessages } = await record(page);

  await page.goto(url('live', '/'));
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole('main')).toContainText(`1NCE API: ${UPSTREAM_HOST}`);
  await expect(page.getByLabel('API username')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try the demo' })).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText(/demo|simulated/i);

  await page.goto(url('live', '/integrations/new?demo'));
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  // A choice the tab remembered from before the deployment changed counts no more than ?demo.
  await page.evaluate(() => sessionStorage.setItem('integrator-console:mode', 'demo'));
  await page.goto(url('live', '/integrations?demo'));
  await expect(page).toHaveURL(/\/sign-in\?next=/);

  await signIn(page);
  await expect(page.getByText(`Live: ${UPSTREAM_HOST}`)).toBeVisible();
  await expect(page.getByText('Demo mode')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Demo controls' })).toHaveCount(0);

  expect(paths).toContain('/management-api/v1/integrate/clouds');
  expect(paths.filter((path) => DEMO_FILE.test(path))).toEqual([]);
  // The config block in the page is data, not script: the CSP has nothing to say about it.
  expect(cspMessages).toEqual([]);
});

test('live only: the server answers 404 for the demo service workers and the demo code', async ({
  request,
}) => {
  const demoChunk = readdirSync('dist/assets').find((file) => /^demo-.+\.js$/.test(file));
  expect(demoChunk).toBeDefined();
  for (const path of ['/mockServiceWorker.js', '/demo-service-worker.js', `/assets/${demoChunk}`]) {
    // Served where the demo is offered, so the 404 says something.
    expect((await request.get(url('live,demo', path))).status(), path).toBe(200);
    expect((await request.get(url('live', path))).status(), path).toBe(404);
  }
});

test('live,demo: a new tab signs in, and "Try the demo" leads into the demo', async ({
  page,
  context,
}) => {
  expect(deployments.get('live,demo')!.modesLine).toMatch(
    /^Modes: live \(.*\) and demo \(.*\); a new tab opens live/,
  );
  const { cspMessages } = await record(page);
  await page.goto(url('live,demo', '/'));
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByLabel('API username')).toBeVisible();

  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await expect(page.getByText('Demo mode')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cold-chain alerts' })).toBeVisible();
  // The demo tab can still go live: the deployment offers it.
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Sign in to 1NCE' }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByText('Demo mode')).toBeVisible();
  expect(cspMessages).toEqual([]);

  // Another tab starts from the deployment's first mode again.
  const other = await context.newPage();
  await other.goto(url('live,demo', '/integrations'));
  await expect(other).toHaveURL(/\/sign-in\?next=%2Fintegrations/);
  await signIn(other);
  await expect(other.getByText(`Live: ${UPSTREAM_HOST}`)).toBeVisible();
});

test('demo only: ?live is ignored and nothing offers live mode or sign-in', async ({
  page,
  request,
}) => {
  expect(deployments.get('demo')!.modesLine).toMatch(
    /^Modes: demo \(.*\) only, no live mode and no sign-in/,
  );
  await request.post(`${UPSTREAM}/__control/clear-requests`);
  await page.goto(url('demo', '/integrations?live'));
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await expect(page.getByText('Demo mode')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cold-chain alerts' })).toBeVisible();
  await expect(page.getByText(/sign in/i)).toHaveCount(0);
  await expect(page.getByText(/^Live/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Demo controls' }).click();
  const drawer = page.getByRole('dialog', { name: 'Demo controls' });
  await expect(drawer.getByRole('button', { name: 'Reset demo data' })).toBeVisible();
  await expect(drawer.getByText(/sign in/i)).toHaveCount(0);
  await drawer.getByRole('button', { name: 'Close demo controls' }).click();

  // A tab that chose live before, and an old link to the sign-in page, land in the demo.
  await page.evaluate(() => sessionStorage.setItem('integrator-console:mode', 'live'));
  await page.goto(url('demo', '/sign-in?next=%2Fintegrations%2Fnew'));
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await expect(page.getByText('Demo mode')).toBeVisible();
  await expect(page.getByLabel('API username')).toHaveCount(0);

  // Everything was answered in the tab: nothing reached the 1NCE API.
  expect(await upstreamRequests(request)).toEqual([]);
});

test('the default deployment writes demo,live into the page it serves', async ({ page }) => {
  await page.goto('/integrations/new?demo');
  const config = JSON.parse((await page.locator('#console-config').textContent()) ?? '');
  expect(config).toEqual({ upstream: UPSTREAM_HOST, modes: ['demo', 'live'] });
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Sign in to 1NCE' }),
  ).toBeVisible();
});
