import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController } from 'fastify';
import { FORWARDED_REQUEST_HEADERS, allowListFor, refusal } from './allow-list.js';
import { appShell } from './app-shell.js';
import { DEFAULT_MODES, DEFAULT_UPSTREAM, consoleConfig, modesLine } from './modes.js';

const PREFIX = '/management-api';

/** Response headers the console reads; never set-cookie or anything else. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'retry-after',
  'www-authenticate',
  // GET /v1/sims answers a bare array and pages in these headers (SIM Management spec).
  'x-count-per-page',
  'x-current-page',
  'x-total-count',
  'x-total-pages',
];

/** @param {string} url @returns {[path: string, query: string]} query with its `?`, or '' */
function splitUrl(url) {
  const at = url.indexOf('?');
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/** Under /management-api: never the app shell. @param {{ url?: string }} request */
const isApiPath = (request) => /^\/management-api(\/|\?|$)/.test(request.url ?? '');
/** Handled by the proxy route, which logs its own line. @param {{ url?: string }} request */
const isProxied = (request) => (request.url ?? '').startsWith(`${PREFIX}/`);

/**
 * Fastify's own "incoming request" and "request completed" lines, except for proxied requests:
 * the proxy logs one line of its own for those, with the upstream status and duration.
 */
class ConsoleLogController extends LogController {
  /** @type {LogController['incomingRequest']} */
  incomingRequest(request, reply, metadata) {
    if (!isProxied(request)) super.incomingRequest(request, reply, metadata);
  }

  /** @type {LogController['requestCompleted']} */
  requestCompleted(error, request, reply, metadata) {
    if (error || !isProxied(request)) super.requestCompleted(error, request, reply, metadata);
  }
}

/**
 * The logger options: the caller's level and stream, request lines without query strings, and
 * `authorization` redacted should a header ever be logged. Bodies and headers are never logged.
 * @param {import('fastify').FastifyServerOptions['logger']} logger
 */
function loggerOptions(logger) {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return {
    ...options,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: {
      ...options.serializers,
      // Fastify's own request serializer, minus the query string.
      /** @param {import('fastify').FastifyRequest} req */
      req: (req) => ({
        method: req.method,
        url: splitUrl(req.url)[0],
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
}

/**
 * @typedef {'dns' | 'refused' | 'tls' | 'reset' | 'unreachable' | 'timeout' | 'other'} UpstreamCause
 */

const DNS_CODES = ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME'];
const RESET_CODES = ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'];
const UNREACHABLE_CODES = ['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN'];
const TIMEOUT_CODES = ['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT'];
// OpenSSL and Node name certificate and handshake failures in these families.
const TLS_CODE =
  /^(ERR_SSL_|ERR_TLS_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_)/;

/**
 * What went wrong between this server and the upstream, from fetch's error (undici puts the
 * socket's error under `cause`; a connect to several addresses fails with an AggregateError).
 * @param {unknown} error
 * @returns {{ cause: UpstreamCause, code: string }}
 */
export function classifyUpstreamFailure(error) {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return { cause: 'timeout', code: 'timeout' };
  }
  const inner =
    error instanceof Error
      ? /** @type {{ code?: unknown, errors?: { code?: unknown }[] } | undefined} */ (error.cause)
      : undefined;
  const raw = inner?.code ?? inner?.errors?.find((item) => item?.code)?.code;
  const code = typeof raw === 'string' ? raw : error instanceof Error ? error.name : 'unknown';
  /** @type {UpstreamCause} */
  const cause = DNS_CODES.includes(code)
    ? 'dns'
    : code === 'ECONNREFUSED'
      ? 'refused'
      : TLS_CODE.test(code)
        ? 'tls'
        : RESET_CODES.includes(code)
          ? 'reset'
          : UNREACHABLE_CODES.includes(code)
            ? 'unreachable'
            : TIMEOUT_CODES.includes(code)
              ? 'timeout'
              : 'other';
  return { cause, code };
}

/**
 * One sentence for people reading the JSON (curl, logs); the console writes its own, with a fix.
 * @param {string} host @param {UpstreamCause} cause @param {string} code @param {number} timeoutMs
 */
function upstreamFailureMessage(host, cause, code, timeoutMs) {
  switch (cause) {
    case 'dns':
      return `The console's server could not resolve ${host} (DNS: ${code})`;
    case 'refused':
      return `${host} refused the connection (${code})`;
    case 'tls':
      return `The TLS connection to ${host} failed (${code})`;
    case 'reset':
      return `${host} closed the connection before answering (${code})`;
    case 'unreachable':
      return `The console's server has no network route to ${host} (${code})`;
    case 'timeout':
      return `${host} did not answer within ${timeoutMs / 1000} s`;
    default:
      return `${host} could not be reached (${code})`;
  }
}

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
  const upstreamHost = new URL(upstreamBase).host;
  const config = consoleConfig(upstreamBase, modes);
  const sendShell = appShell(distDir, config);
  const isForwarded = allowListFor(modes);
  const app = Fastify({
    logger: loggerOptions(logger),
    logController: new ConsoleLogController(),
  });

  // Registered first and global (fastify-plugin), so every response carries the headers: pages,
  // assets, proxied answers, the SPA fallback and JSON errors.
  app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      // Exactly these directives, none of helmet's defaults: in particular no
      // upgrade-insecure-requests, as the server is also used over plain http on loopback.
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // No inline script: Vite emits external modules only. The demo's service worker
        // (/mockServiceWorker.js) is same-origin: worker-src 'self', and its fetches stay on 'self'.
        scriptSrc: ["'self'"],
        // Mantine sets inline style="" attributes (style props, CSS variables) and injects <style>
        // elements at run time (CSS variables of the theme, color scheme), so styles need
        // 'unsafe-inline'. Inline styles cannot run code; scripts stay strict.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        // The browser only ever talks to this server; the server talks to the 1NCE API.
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Same as frame-ancestors 'none', for browsers that only know X-Frame-Options.
    xFrameOptions: { action: 'deny' },
    // The TLS reverse proxy in front sends HSTS (it knows whether there is TLS); plain http on
    // loopback has none.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });

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
    async (proxy) => {
      // Bodies pass byte for byte: take every content type as a raw Buffer (in this plugin only).
      proxy.removeAllContentTypeParsers();
      /** @type {import('fastify').FastifyBodyParser<Buffer>} */
      const raw = (_request, body, done) => done(null, body);
      proxy.addContentTypeParser('application/json', { parseAs: 'buffer' }, raw);
      proxy.addContentTypeParser('*', { parseAs: 'buffer' }, raw);

      // Refuse before the body is even read; the upstream never sees these requests.
      proxy.addHook('onRequest', async (request, reply) => {
        const path = splitUrl(request.url)[0].slice(PREFIX.length);
        if (!isForwarded(request.method, path)) {
          request.log.info({ method: request.method, path, statusCode: 404 }, 'refused');
          return reply.code(404).send(refusal(request.method, path));
        }
      });

      proxy.all('/*', async (request, reply) => {
        const [fullPath, query] = splitUrl(request.url);
        const path = fullPath.slice(PREFIX.length);
        /** @type {Record<string, string>} */
        const headers = {};
        for (const name of FORWARDED_REQUEST_HEADERS) {
          const value = request.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        const body =
          Buffer.isBuffer(request.body) && request.method !== 'GET' && request.method !== 'HEAD'
            ? // A Buffer of a plain ArrayBuffer (Fastify concatenates the chunks): valid BodyInit.
              /** @type {Uint8Array<ArrayBuffer>} */ (request.body)
            : undefined;
        const started = performance.now();
        const ms = () => Math.round(performance.now() - started);
        try {
          const response = await fetch(`${upstreamBase}${path}${query}`, {
            method: request.method,
            headers,
            body,
            redirect: 'manual',
            signal: AbortSignal.timeout(upstreamTimeoutMs),
          });
          // The timeout covers the body too: a stalled body aborts like a stalled answer.
          const bytes = Buffer.from(await response.arrayBuffer());
          request.log.info(
            { method: request.method, path, upstreamStatus: response.status, ms: ms() },
            'proxied',
          );
          reply.code(response.status);
          for (const name of FORWARDED_RESPONSE_HEADERS) {
            const value = response.headers.get(name);
            if (value !== null) reply.header(name, value);
          }
          reply.header('cache-control', 'no-store');
          return reply.send(bytes);
        } catch (error) {
          const { cause, code } = classifyUpstreamFailure(error);
          request.log.warn(
            { method: request.method, path, error: code, cause, host: upstreamHost, ms: ms() },
            'upstream failed',
          );
          reply.header('cache-control', 'no-store');
          const timedOut = cause === 'timeout';
          return reply.code(timedOut ? 504 : 502).send({
            statusCode: timedOut ? 504 : 502,
            statusText: timedOut ? 'Gateway Timeout' : 'Bad Gateway',
            errors: [
              { message: upstreamFailureMessage(upstreamHost, cause, code, upstreamTimeoutMs) },
            ],
            upstream: {
              host: upstreamHost,
              cause,
              code,
              ...(timedOut && { timeoutMs: upstreamTimeoutMs }),
            },
          });
        }
      });
    },
    { prefix: PREFIX },
  );

  app.register(fastifyStatic, {
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
  });

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0]);
    if (wantsPage && !isApiPath(request)) {
      return sendShell(request, reply);
    }
    return reply.code(404).send({ statusCode: 404, statusText: 'Not Found', errors: [] });
  });

  return app;
}
