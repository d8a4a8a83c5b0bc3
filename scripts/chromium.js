// Debian's Chromium and the flags that keep it quiet on a machine without internet: without
// them it keeps trying to reach Google's services in the background (refused connections that
// slow tests and skew timings). Shared by playwright.config.ts and scripts/lighthouse.js.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
