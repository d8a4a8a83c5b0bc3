// Measures the reference for the bundle budget: the initial JS (gzip -9) of the smallest app on
// the console's stack (scripts/hello-world), built by the same Vite with the same React plugin.
// The budget in budgets.json is this number plus an allowance for what the console adds; re-run
// after upgrading React, Mantine, TanStack Query or Vite, and update budgets.json if it moved.
// Usage: node scripts/measure-hello-world.js
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { gzipBytes, htmlEntryFiles, kB } from './bundle-files.js';

const root = fileURLToPath(new URL('./hello-world/', import.meta.url));
const budgets = JSON.parse(readFileSync(new URL('../budgets.json', import.meta.url), 'utf8'));
const outDir = mkdtempSync(join(tmpdir(), 'hello-world-'));
try {
  // No config file: the console's own settings (aliases, chunk names, test setup) must not leak
  // into the reference. Same target as the console, so both are minified for the same browsers.
  await build({
    root,
    configFile: false,
    plugins: [react()],
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  let total = 0;
  for (const file of htmlEntryFiles(outDir)) {
    const size = gzipBytes(readFileSync(join(outDir, file)));
    total += size;
    console.log(`${file.padEnd(40)} ${kB(size).padStart(9)}`);
  }
  console.log(`${'hello-world initial JS (gzip -9)'.padEnd(40)} ${kB(total).padStart(9)}`);
  const recorded = budgets.bundle.helloWorld.initialJsGzipBytes;
  console.log(`recorded in budgets.json: ${kB(recorded)} (${total - recorded} B difference)`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
