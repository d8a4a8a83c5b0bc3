import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * index.html with the console config written into its head, for server/app.js and `npm run dev`
 * (vite.config.ts). JSON in a script element of type application/json is never executed, so CSP
 * `script-src 'self'` allows it, and the page reads its config before deciding the tab's mode
 * without a request. Every `<` is escaped, so no value can close the element ("</script>") or
 * open a comment. The id is the one src/app/console-config.ts reads (e2e/modes.spec.ts proves
 * they agree).
 * @param {string} html
 * @param {Record<string, unknown>} config
 */
export function withConfig(html, config) {
  if (!html.includes('</head>')) throw new Error('index.html has no </head>.');
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="console-config">${json}</script>`;
  // A function, so `$&`, `$'` and the like in a value are written as they are, not expanded.
  return html.replace('</head>', () => `${block}</head>`);
}

/**
 * The route handler for every path that answers with the page (/, /index.html, the SPA fallback):
 * the built index.html with its config, read once at start-up. @fastify/static must not serve
 * index.html itself, nor the .br/.gz the build writes beside it: those lack the config. The page
 * is under 2 kB, so it goes out uncompressed.
 * @param {string} distDir
 * @param {Record<string, unknown>} config
 */
export function appShell(distDir, config) {
  const html = withConfig(readFileSync(join(distDir, 'index.html'), 'utf8'), config);
  /** @param {import('fastify').FastifyRequest} _request @param {import('fastify').FastifyReply} reply */
  return (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(html);
}
