import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Live mode against an API host that does not resolve: a server of its own (the build exists:
// the config's `npm start` made it), so the shared one keeps its stand-in upstream.
const HOST = 'api.1nce.invalid';
const API_URL = `https://${HOST}/management-api`;
const WITHIN_MS = 2000;
const DNS_SENTENCE = `could not find ${HOST} in DNS`;

let server: ChildProcess;
let base: string;
/** The server's stdout, line by line, up to Fastify's "listening" line. */
const output: string[] = [];

test.beforeAll(async () => {
  server = spawn(process.execPath, ['server/index.js'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      MANAGEMENT_API_URL: API_URL,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: server.stdout! });
  await new Promise<void>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    lines.on('line', (line) => {
      output.push(line);
      if (line.includes('Server listening')) resolve();
    });
  });
  base = output[0].match(/open (http:\/\/\S+)$/)?.[1] ?? '';
});

test.afterAll(() => {
  server?.kill();
});

/** The alert's text, to count how often the explanation and the host occur in it. */
async function expectExplainedOnce(alert: Locator) {
  const text = await alert.innerText();
  expect(text.split(DNS_SENTENCE)).toHaveLength(2);
  expect(text.split(HOST)).toHaveLength(2);
  expect(text).toContain('Check MANAGEMENT_API_URL');
  expect(text).not.toContain('could not be reached');
}

function report(what: string, ms: number) {
  test.info().annotations.push({ type: 'measured', description: `${what}: ${ms} ms` });
}

test('the start-up output opens with one plain line, then the modes and the API host', () => {
  expect(output[0]).toMatch(/^Integrator Console: open http:\/\/127\.0\.0\.1:\d+$/);
  expect(output[1]).toMatch(/^Modes: demo .* and live .*api\.1nce\.invalid/);
  // Everything after the two plain lines is pino's JSON, as log collectors expect.
  for (const line of output.slice(2)) expect(() => JSON.parse(line)).not.toThrow();
  expect(output.slice(2).length).toBeGreaterThan(0);
});

test(
  'sign-in names the API host and explains the DNS failure once, within 2 s',
  { tag: '@timing' },
  async ({ page }) => {
    await page.goto(`${base}/integrations?live`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await expect(page.getByRole('main')).toContainText(`1NCE API: ${HOST}`);

    await page.getByLabel('API username').fill('someone');
    await page.getByLabel('API password').fill('secret');
    // Timed from the token request, the part this console controls; from the click it also counts
    // Playwright's actionability checks, which a loaded 2-core machine stretches.
    let asked = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/oauth/token')) asked ||= Date.now();
    });
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(DNS_SENTENCE, { timeout: WITHIN_MS });
    const shown = Date.now();
    expect(asked).toBeGreaterThan(0);
    report('sign-in click to DNS explanation', shown - clicked);
    report('sign-in token request to DNS explanation', shown - asked);
    expect(shown - asked).toBeLessThan(WITHIN_MS);
    await expect(alert).toHaveCount(1);
    await expectExplainedOnce(alert);
  },
);

async function startSignedIn(page: Page) {
  // A session the API never issued: the request fails before any token check.
  await page.addInitScript(() => {
    sessionStorage.setItem('integrator-console:mode', 'live');
    sessionStorage.setItem(
      'integrator-console:session',
      JSON.stringify({ token: 'unused', username: 'someone', expiresAt: Date.now() + 3_600_000 }),
    );
  });
}

test(
  'the list explains the DNS failure within 2 s of asking, without silent retries',
  { tag: '@timing' },
  async ({ page }) => {
    await startSignedIn(page);
    const lists: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/management-api/v1/integrate/clouds') {
        lists.push(Date.now());
      }
    });
    await page.goto(`${base}/integrations`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load integrations' });
    await expect(alert).toContainText(DNS_SENTENCE, { timeout: 10_000 });
    const elapsed = Date.now() - lists[0];
    report('list request to DNS explanation', elapsed);
    expect(elapsed).toBeLessThan(WITHIN_MS);
    expect(lists).toHaveLength(1);
    await expectExplainedOnce(alert);
    await expect(page.getByText(`Live: ${HOST}`)).toBeVisible();
  },
);
