import {
  FORWARDED_REQUEST_HEADERS,
  FORWARDED_RESPONSE_HEADERS,
  allowListFor,
  refusal,
} from './allow-list.js';

const PREFIX = '/management-api';
/** What Vite's proxy needs besides the forwarded headers: the body's framing (it sets host itself). */
const KEPT_HEADERS = new Set([...FORWARDED_REQUEST_HEADERS, 'content-length', 'transfer-encoding']);

/**
 * `npm run dev`: a Connect middleware for Vite's dev server, run before its `server.proxy`, so the
 * proxy only ever forwards what the production server forwards for the same CONSOLE_MODES
 * (server/allow-list.js): refused requests get the same 404 JSON, allowed ones lose every header
 * the 1NCE API does not need (cookies of other apps on localhost, origin, referer …).
 * @param {readonly import('./modes.js').Mode[]} modes
 */
export function devProxyGuard(modes) {
  const isForwarded = allowListFor(modes);
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {() => void} next
   */
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    // The same prefix match as Vite's proxy (`url.startsWith('/management-api')`).
    if (!path.startsWith(PREFIX)) return next();
    const method = req.method ?? '';
    const relative = path.slice(PREFIX.length);
    if (!isForwarded(method, relative)) {
      res.statusCode = 404;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(refusal(method, relative)));
      return;
    }
    for (const name of Object.keys(req.headers)) {
      if (!KEPT_HEADERS.has(name)) delete req.headers[name];
    }
    next();
  };
}

const KEPT_RESPONSE_HEADERS = new Set(FORWARDED_RESPONSE_HEADERS);

/**
 * `npm run dev`: for Vite's proxy `proxyRes` event, before the answer's headers are copied to the
 * browser, so it gets the response headers the production server passes back and no others.
 * @param {import('node:http').IncomingMessage} proxyRes
 */
export function keepForwardedResponseHeaders(proxyRes) {
  for (const name of Object.keys(proxyRes.headers)) {
    if (!KEPT_RESPONSE_HEADERS.has(name)) delete proxyRes.headers[name];
  }
}
