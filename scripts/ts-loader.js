import { createServer } from 'vite';

/**
 * Node 20 cannot import the app's .ts modules, so Vite (with the app's config and `@/` alias)
 * loads them. Keep it open while the loaded code runs: its modules may still import lazily.
 */
export function createTsLoader() {
  return createServer({
    // No websocket: nothing reloads, and a second loader (one stand-in per e2e worker) would
    // find its port taken.
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'error',
  });
}
