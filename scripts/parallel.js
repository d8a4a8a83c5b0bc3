// Runs npm scripts side by side and fails when any of them fails (npm test: typecheck and lint,
// each a single-threaded process, share the two cores instead of taking turns). Each one's output
// is held back and printed whole when it ends, so two logs never interleave.
// Usage: node scripts/parallel.js <npm script> [<npm script> ...]
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('Usage: node scripts/parallel.js <npm script> [<npm script> ...]');
  process.exit(2);
}

const npm = process.env.npm_execpath;
const started = Date.now();
/** @type {Record<string, string>} */
const env = { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' };

/** @param {string} name @returns {Promise<number>} */
function run(name) {
  return new Promise((resolve) => {
    // Under `npm run`, npm_execpath is npm's own CLI script: run it with this Node, no shell.
    const child = npm
      ? spawn(process.execPath, [npm, 'run', name], { env })
      : spawn('npm', ['run', name], { env, shell: process.platform === 'win32' });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const finish = (/** @type {number} */ code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
      process.stdout.write(`\n── ${name}: ${verdict} after ${seconds} s ──\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code);
    };
    child.once('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(1);
    });
    child.once('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

const codes = await Promise.all(names.map(run));
const failed = names.filter((_, i) => codes[i] !== 0);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
