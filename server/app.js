import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { allowListFor } from './allow-list.js';
import { appShell } from './app-shell.js';
import { ConsoleLogController, loggerOptions } from './logging.js';
import { DEFAULT_MODES, DEFAULT_UPSTREAM, consoleConfig, modesLine } from './modes.js';
import { PREFIX, managementApiProxy } from './proxy.js';
import { securityHeaders } from './security-headers.js';
import { staticFiles } from './static-files.js';

/** Under /management-api: never the app shell. @param {{ url?: string }} request */
const isApiPath = (request) => /^\/management-api(\/|\?|$)/.test(request.url ?? '');

/**
 * What a person reads first when the server starts, as plain text (the JSON logs follow).
 * @param {{ address: string, port: number }} listening the bound address (`server.address()`)
 * @param {string} upstream the Management API's base URL
 * @param {readonly import('./modes.js').Mode[]} [modes] what CONSOLE_MODES offers
 * @returns {string[]}
 */
export function startupLines({ address, port }, upstream, modes = DEFAULT_MODES) {
  const host = ['0.0.0.0', '::'].includes(address)
    ? 'localhost'
    : address.includes(':')
      ? `[${address}]`
      : address;
  return [`Integrator Console: open http://${host}:${port}`, modesLine(modes, upstream)];
}

/**
 * The production server: the built console with a SPA fallback, so deep links survive a reload,
 * and the allow-listed part of the 1NCE Management API under /management-api.
 * @param {{
 *   distDir: string,
 *   upstream?: string,
 *   upstreamTimeoutMs?: number,
 *   modes?: readonly import('./modes.js').Mode[],
 *   logger?: import('fastify').FastifyServerOptions['logger'],
 * }} options
 *   `upstream`: the Management API's base URL without a trailing slash. `modes`: what
 *   CONSOLE_MODES offers (server/modes.js), the first being what a new tab opens.
 */
export function buildServer({
  distDir,
  upstream = DEFAULT_UPSTREAM,
  upstreamTimeoutMs = 20000,
  modes = DEFAULT_MODES,
  logger = false,
}) {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No build in ${distDir}: run "npm run build" first.`);
  }
  const upstreamBase = upstream.replace(/\/+$/, '');
  const config = consoleConfig(upstreamBase, modes);
  const sendShell = appShell(distDir, config);
  const app = Fastify({
    logger: loggerOptions(logger),
    logController: new ConsoleLogController(),
  });

  // Registered first and global (fastify-plugin), so every response carries the headers: pages,
  // assets, proxied answers, the SPA fallback and JSON errors.
  app.register(fastifyHelmet, securityHeaders);

  app.get('/healthz', async () => ({ status: 'ok' }));

  // The page reads its config from index.html (appShell), never from here. This is for everything
  // that is not the page: a probe or script checking what a deployment offers without parsing
  // HTML (issue 9 asks for it), and anyone comparing it with the start-up line.
  app.get('/console-config.json', async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return config;
  });

  app.get('/', sendShell);
  app.get('/index.html', sendShell);

  app.register(
    managementApiProxy({ upstreamBase, upstreamTimeoutMs, isForwarded: allowListFor(modes) }),
    { prefix: PREFIX },
  );

  app.register(fastifyStatic, staticFiles(distDir, modes));

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0]);
    if (wantsPage && !isApiPath(request)) {
      return sendShell(request, reply);
    }
    return reply.code(404).send({ statusCode: 404, statusText: 'Not Found', errors: [] });
  });

  return app;
}
