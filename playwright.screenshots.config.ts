import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The README's screenshots, taken only by `npm run screenshots`: the e2e suite (and so npm test)
// never writes into docs/, and leaves the working tree as it found it.
export default defineConfig({
  ...base,
  testDir: 'scripts/screenshots',
  retries: 0,
  reporter: [['list']],
});
