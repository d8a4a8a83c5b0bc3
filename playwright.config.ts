import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium.js';

const PORT = Number(process.env.E2E_PORT ?? 4173);
export const UPSTREAM_PORT = Number(process.env.UPSTREAM_PORT ?? 4174);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
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
  // The 1NCE API stand-in (the demo's MSW handlers behind a token check) and the production
  // server pointed at it: demo tests never reach the stand-in, live tests go through the proxy.
  webServer: [
    {
      command: 'node scripts/upstream.js',
      url: `http://127.0.0.1:${UPSTREAM_PORT}/healthz`,
      env: { UPSTREAM_PORT: String(UPSTREAM_PORT), UPSTREAM_HOST: '127.0.0.1' },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'npm start',
      url: `http://127.0.0.1:${PORT}/healthz`,
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        MANAGEMENT_API_URL: `http://127.0.0.1:${UPSTREAM_PORT}/management-api`,
      },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
