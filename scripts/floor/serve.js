// Builds the floor app (scripts/floor/main.tsx) with this repo's Vite and serves it the way
// server/app.js serves the console: precompressed .br/.gz chosen by Accept-Encoding, hashed
// assets cached for a year, the page revalidated, the same CSP for scripts. Used by
// scripts/lighthouse.js and scripts/bench-load.js as the reference measured in the same run.
// Usage: node scripts/floor/serve.js   (builds into a temp dir, serves on FLOOR_PORT or a free port)
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { precompress } from '../precompress.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the floor into a new temp dir (or `outDir`), as measure-hello-world.js builds the hello
 * world: no config file, so the console's aliases and chunk names stay out; the console's target.
 * @param {string} [outDir]
 * @returns {Promise<string>} the outDir; the caller removes it
 */
export async function buildFloor(outDir = mkdtempSync(join(tmpdir(), 'floor-'))) {
  await build({
    root,
    configFile: false,
    plugins: [react(), precompress()],
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// Everything the floor's build depends on: its sources, this file (the build options), the
// precompress plugin, and the installed versions of Vite, React, Mantine and the rest.
const FLOOR_INPUTS = [
  'scripts/floor/index.html',
  'scripts/floor/main.tsx',
  'scripts/floor/serve.js',
  'scripts/precompress.js',
  'package-lock.json',
];

/** The key of the floor's inputs: a build with the same key is the same build. */
export function floorKey() {
  const hash = createHash('sha256');
  for (const path of FLOOR_INPUTS)
    hash
      .update(path)
      .update('\0')
      .update(readFileSync(join(repoRoot, path)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The floor built once per set of inputs, in node_modules/.cache/floor/<key>: lighthouse.js and
 * bench-load.js (and every later run) share it instead of building it again (~20-40 s each on
 * 2 cores). The build goes to a side directory and is renamed into place, so a run that stops
 * halfway leaves no half-built floor behind; older keys are removed.
 * @returns {Promise<string>} the dir, which stays
 */
export async function cachedFloor(cacheRoot = join(repoRoot, 'node_modules/.cache/floor')) {
  const key = floorKey();
  const dir = join(cacheRoot, key);
  if (existsSync(join(dir, 'index.html'))) return dir;
  mkdirSync(cacheRoot, { recursive: true });
  const building = mkdtempSync(join(cacheRoot, `.${key}-`));
  try {
    await buildFloor(building);
    renameSync(building, dir);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    // Another run renamed the same build into place first: use that one.
    if (existsSync(join(dir, 'index.html'))) return dir;
    throw error;
  }
  for (const entry of readdirSync(cacheRoot)) {
    if (entry !== key && !entry.startsWith('.')) {
      rmSync(join(cacheRoot, entry), { recursive: true, force: true });
    }
  }
  return dir;
}

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
});

// What the floor's one query reads: ten rows, like a page of the console's list.
const ITEMS = JSON.stringify(
  Array.from({ length: 10 }, (_, i) => ({
    id: String(i + 1),
    name: `Integration ${i + 1}`,
    url: `https://hooks.example.com/1nce/${i + 1}`,
    state: i === 3 ? 'Failed' : 'Active',
  })),
);

/** @param {string} path */
const isFile = (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * @param {string} dir a built floor (buildFloor)
 * @param {number} port 0 for a free one
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export function serveFloor(dir, port = 0) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://floor').pathname;
    response.setHeader(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    );
    if (path === '/api/items') {
      response.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      response.end(ITEMS);
      return;
    }
    const file = join(dir, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(dir) || !isFile(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding = [
      ['br', '.br'],
      ['gzip', '.gz'],
    ].find(([name, suffix]) => accepts.includes(name) && isFile(`${file}${suffix}`));
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': path.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding[0] } : {}),
    });
    response.end(
      request.method === 'HEAD' ? undefined : readFileSync(`${file}${encoding?.[1] ?? ''}`),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        origin: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = await buildFloor();
  const { origin, close } = await serveFloor(dir, Number(process.env.FLOOR_PORT ?? 0));
  console.log(`Floor app on ${origin}/ (Ctrl-C stops and removes ${dir})`);
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
}
