import { createServer } from 'vite';

/**
 * Node 20 cannot import the app's .ts modules, so Vite (with the app's config and `@/` alias)
 * loads them. Keep it open while the loaded code runs: its modules may still import lazily.
 */
export function createTsLoader() {
  return createServer({
    server: { middlewareMode: true, hmr: false },
    appType: 'custom',
    logLevel: 'error',
  });
}
