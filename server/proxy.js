import { FORWARDED_REQUEST_HEADERS, FORWARDED_RESPONSE_HEADERS, refusal } from './allow-list.js';
import { classifyUpstreamFailure, upstreamFailureMessage } from './upstream-failure.js';

export const PREFIX = '/management-api';

/** @param {string} url @returns {[path: string, query: string]} query with its `?`, or '' */
export function splitUrl(url) {
  const at = url.indexOf('?');
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/**
 * The allow-listed part of the 1NCE Management API, to register under PREFIX: refused requests
 * never reach the upstream, forwarded ones pass byte for byte with only the headers each side
 * needs, and an upstream that cannot be reached is answered 502/504 in 1NCE's error shape.
 * @param {{
 *   upstreamBase: string,
 *   upstreamTimeoutMs: number,
 *   isForwarded: (method: string, path: string) => boolean,
 * }} options `upstreamBase`: the Management API's base URL without a trailing slash.
 * @returns {import('fastify').FastifyPluginAsync}
 */
export function managementApiProxy({ upstreamBase, upstreamTimeoutMs, isForwarded }) {
  const upstreamHost = new URL(upstreamBase).host;
  return async (proxy) => {
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
  };
}
