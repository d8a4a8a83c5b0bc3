import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleModesOrExit } from './modes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// scripts: the build runs scripts/precompress.js.
const inputs = ['src', 'public', 'scripts', 'index.html', 'vite.config.ts', 'package-lock.json'];

/** @param {string} path @returns {number} */
function newest(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

// A refused CONSOLE_MODES is said at once, not after a build.
consoleModesOrExit(process.env);

// `npm start` on a fresh clone (or after editing the source) builds first, so it never serves stale code.
const built = newest(join(root, 'dist', 'index.html'));
if (built === 0 || inputs.some((input) => newest(join(root, input)) > built)) {
  console.log('Building the console…');
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
}

await import('./index.js');
