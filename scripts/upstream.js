// The 1NCE API stand-in for live-mode end-to-end tests (scripts/upstream/server.ts) as a process:
// start the console's server with MANAGEMENT_API_URL=http://127.0.0.1:4174/management-api.
// Usage: npm run upstream
// Env: UPSTREAM_PORT (4174), UPSTREAM_HOST (127.0.0.1), and optionally UPSTREAM_TOKEN_LIFETIME_S,
// UPSTREAM_USERNAME and UPSTREAM_PASSWORD (defaults: 3600, e2e-api-user, e2e-api-password).
import { createTsLoader } from './ts-loader.js';

/**
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 */
function intFromEnv(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer of at least ${min}, got "${raw}"`);
  }
  return value;
}

const port = intFromEnv('UPSTREAM_PORT', 4174, 0);
const host = process.env.UPSTREAM_HOST || '127.0.0.1';
const tokenLifetimeS = intFromEnv('UPSTREAM_TOKEN_LIFETIME_S', 3600, 1);
const { UPSTREAM_USERNAME: username, UPSTREAM_PASSWORD: password } = process.env;
if (Boolean(username) !== Boolean(password)) {
  throw new Error('Set both UPSTREAM_USERNAME and UPSTREAM_PASSWORD, or neither');
}

// Only what this script calls, typed by hand: importing the module's types would pull it and
// src/ into the node tsconfig, which has neither the `@/` alias nor the app's settings (it is
// checked by tsconfig.upstream.json).
/**
 * @typedef {{
 *   listen: (port: number, host?: string) => Promise<number>,
 *   close: () => Promise<void>,
 * }} Upstream
 * @typedef {{
 *   createUpstream: (options?: {
 *     tokenLifetimeS?: number,
 *     credentials?: { username: string, password: string },
 *   }) => Upstream,
 * }} UpstreamModule
 */

// Open while the upstream runs (see ts-loader.js).
const vite = await createTsLoader();

/** @type {Upstream} */
let upstream;
/** @type {number} */
let actualPort;
try {
  const { createUpstream } = /** @type {UpstreamModule} */ (
    await vite.ssrLoadModule('/scripts/upstream/server.ts')
  );
  upstream = createUpstream({
    tokenLifetimeS,
    credentials: username && password ? { username, password } : undefined,
  });
  actualPort = await upstream.listen(port, host);
} catch (error) {
  await vite.close();
  throw error;
}

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  // The db's retry timers would keep the process alive, and a stuck close must not hang CI.
  setTimeout(() => process.exit(1), 5000).unref();
  try {
    await upstream.close();
    await vite.close();
  } finally {
    process.exit(signal === 'SIGINT' ? 130 : 0);
  }
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

const urlHost = host.includes(':') ? `[${host}]` : host;
console.log(`1NCE API stand-in on http://${urlHost}:${actualPort}/management-api`);
