import { join } from 'node:path';

/**
 * @fastify/static's options for the build in `distDir`: which files are served, compressed how,
 * cached how long.
 * @param {string} distDir
 * @param {readonly import('./modes.js').Mode[]} modes what CONSOLE_MODES offers
 * @returns {import('@fastify/static').FastifyStaticOptions}
 */
export function staticFiles(distDir, modes) {
  return {
    root: distDir,
    wildcard: false,
    // The page goes out with its config (appShell), never as built, nor as the .br/.gz the build
    // writes beside it. Without the demo, its service workers and its code are not served at
    // all: a live-only deployment has no demo to open.
    globIgnore: [
      'index.html{,.br,.gz}',
      ...(modes.includes('demo')
        ? []
        : ['mockServiceWorker.js{,.br,.gz}', 'demo-service-worker.js{,.br,.gz}', 'assets/demo-*']),
    ],
    // The build writes .br and .gz beside each text file (scripts/precompress.js): sent as they
    // are to browsers that accept them, the raw file otherwise (with Vary: Accept-Encoding).
    preCompressed: true,
    // Hashed assets never change; everything else must be revalidated so a deploy shows at once.
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes(`${join(distDir, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  };
}
