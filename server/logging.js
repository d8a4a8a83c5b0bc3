import { LogController } from 'fastify';
import { PREFIX, splitUrl } from './proxy.js';

/** Handled by the proxy route, which logs its own line. @param {{ url?: string }} request */
const isProxied = (request) => (request.url ?? '').startsWith(`${PREFIX}/`);

/**
 * Fastify's own "incoming request" and "request completed" lines, except for proxied requests:
 * the proxy logs one line of its own for those, with the upstream status and duration.
 */
export class ConsoleLogController extends LogController {
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
export function loggerOptions(logger) {
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
