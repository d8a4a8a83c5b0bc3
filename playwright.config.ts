import { existsSync } from 'node:fs';
import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';
import { E2E_WORKERS, workerPorts } from './e2e/ports';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium.js';

// The 1NCE API stand-in (the demo's MSW handlers behind a token check) and the production server
// pointed at it, one pair per worker (e2e/ports.ts): demo tests never reach the stand-in, live
// tests go through the proxy. Started one after the other, so only the first builds (npm start).
type WebServer = Exclude<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>;
const servers = Array.from({ length: E2E_WORKERS }, (_, index) => index).flatMap(
  (index): WebServer[] => {
    const { server, upstream } = workerPorts(index);
    return [
      {
        command: 'node scripts/upstream.js',
        url: `http://127.0.0.1:${upstream}/healthz`,
        env: { UPSTREAM_PORT: String(upstream), UPSTREAM_HOST: '127.0.0.1' },
        reuseExistingServer: !process.env.CI,
        timeout: 60_000,
      },
      {
        command: index === 0 ? 'npm start' : 'node server/index.js',
        url: `http://127.0.0.1:${server}/healthz`,
        env: {
          PORT: String(server),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          MANAGEMENT_API_URL: `http://127.0.0.1:${upstream}/management-api`,
        },
        reuseExistingServer: !process.env.CI,
        timeout: 180_000,
      },
    ];
  },
);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Any test on either worker: each has its own stand-in and server, and every test starts from
  // a fresh browser context and a reset stand-in.
  fullyParallel: true,
  workers: E2E_WORKERS,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ...(process.env.CI ? [] : [['html', { open: 'never' }] as const]),
    ['./e2e/retry-reporter.ts'],
  ],
  use: {
    // Each worker's own server: e2e/fixtures.ts sets baseURL from the worker's index.
    baseURL: `http://127.0.0.1:${workerPorts(0).server}`,
    // Recording every test costs time in every test; a failure is recorded when CI retries it
    // (locally: --trace retain-on-failure).
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    permissions: ['clipboard-read', 'clipboard-write'],
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 860 },
        // Debian's Chromium where it exists (CI, this machine); Playwright's own browser elsewhere.
        launchOptions: existsSync(CHROMIUM_PATH)
          ? {
              executablePath: CHROMIUM_PATH,
              args: ['--headless', ...CHROMIUM_FLAGS],
            }
          : {},
      },
    },
  ],
  webServer: servers,
});
