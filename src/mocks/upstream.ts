/// <reference types="node" />
// A stand-in for https://api.1nce.com/management-api over real HTTP, for live-mode end-to-end
// tests: the console's server is pointed at it with MANAGEMENT_API_URL. It serves the SAME MSW
// handlers and db as demo mode, and adds what demo mode leaves out: the OAuth token flow, bearer
// checks on /v1, and /__control/ endpoints a test calls directly (never under /management-api, so
// the console's server cannot forward them). Node only; started by scripts/upstream.js.
import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { getResponse } from 'msw';
import { db } from '@/mocks/db';
import { handlers } from '@/mocks/handlers';

export const API_PREFIX = '/management-api';
const TOKEN_PATH = `${API_PREFIX}/oauth/token`;
const V1_PREFIX = `${API_PREFIX}/v1/`;
const CONTROL_PREFIX = '/__control/';
const HEALTH_PATH = '/healthz';

export const DEFAULT_CREDENTIALS = { username: 'e2e-api-user', password: 'e2e-api-password' };
export const DEFAULT_TOKEN_LIFETIME_S = 3600;
const REQUEST_LOG_CAP = 200;
// The real token is a JWT of about 3000 characters; 96 random bytes give 128 characters.
const TOKEN_BYTES = 96;

export interface UpstreamOptions {
  tokenLifetimeS?: number;
  credentials?: { username: string; password: string };
}

export interface Upstream {
  server: Server;
  /** Resolves with the port actually bound (pass 0 for a free one). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  /** The request target as received, query string included. */
  path: string;
  /** Only the scheme ('Bearer', 'Basic', …) or null without the header: never the credential. */
  authorization: string | null;
}

interface Fault {
  /** Only requests to this path (after /management-api, no query) or below it; all when unset. */
  path?: string;
  status: number;
  body?: unknown;
  headers: Record<string, string>;
  remaining: number;
}

type Reply = { status: number; headers?: Record<string, string>; body?: unknown };

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown';
}

function apiError(status: number, errors: { message: string; property?: string }[]): Reply {
  return { status, body: { statusCode: status, statusText: statusText(status), errors } };
}

const notFound = (): Reply => apiError(404, []);

function authError(errorCode: string, message: string): Reply {
  return { status: 400, body: { statusCode: 400, errorCode, message } };
}

function unauthorized(message: string): Reply {
  return apiError(401, [{ message }]);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function authorizationScheme(header: string | undefined): string | null {
  const scheme = header?.trim().split(/\s+/)[0];
  return scheme ? scheme : null;
}

function toRequest(req: IncomingMessage, url: URL, body: Buffer): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, req.rawHeaders[i + 1] as string);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(url, {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

function writeReply(res: ServerResponse, method: string, reply: Reply) {
  const headers: Record<string, string> = { ...reply.headers };
  const hasHeader = (name: string) =>
    Object.keys(headers).some((key) => key.toLowerCase() === name);
  let payload: Buffer | undefined;
  if (reply.body !== undefined && reply.status !== 204 && reply.status !== 304) {
    if (typeof reply.body === 'string') {
      payload = Buffer.from(reply.body);
      if (!hasHeader('content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
    } else {
      payload = Buffer.from(JSON.stringify(reply.body));
      if (!hasHeader('content-type')) headers['content-type'] = 'application/json';
    }
    headers['content-length'] = String(payload.length);
  }
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

async function writeResponse(res: ServerResponse, method: string, response: Response) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length' && !HOP_BY_HOP.has(name)) {
      headers[name] = value;
    }
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const noBody = response.status === 204 || response.status === 304;
  const payload = noBody ? undefined : Buffer.from(await response.arrayBuffer());
  if (payload) headers['content-length'] = String(payload.length);
  if (response.statusText) res.writeHead(response.status, response.statusText, headers);
  else res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

/** Whole segments only: `/v1/sims` covers `/v1/sims` and `/v1/sims/89…`, never `/v1/simsX`. */
function isAtOrBelow(path: string, prefix: string) {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

function parseFault(input: unknown): Fault | { message: string; property: string } {
  if (!isRecord(input)) return { property: 'body', message: 'Expected a JSON object' };
  const { status, body, headers, count = 1, path } = input;
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) {
    return { property: 'path', message: 'path must be a string starting with /' };
  }
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    return { property: 'status', message: 'status must be an integer from 200 to 599' };
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    return { property: 'count', message: 'count must be an integer of at least 1' };
  }
  if (
    headers !== undefined &&
    (!isRecord(headers) || Object.values(headers).some((value) => typeof value !== 'string'))
  ) {
    return { property: 'headers', message: 'headers must be an object of strings' };
  }
  return {
    path,
    status,
    // Without a body, errors get the API's error shape; other statuses get no body.
    body:
      body !== undefined
        ? body
        : status >= 400
          ? { statusCode: status, statusText: statusText(status), errors: [] }
          : undefined,
    headers: (headers as Record<string, string> | undefined) ?? {},
    remaining: count,
  };
}

export function createUpstream(options: UpstreamOptions = {}): Upstream {
  const tokenLifetimeS = options.tokenLifetimeS ?? DEFAULT_TOKEN_LIFETIME_S;
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  // Token → expiry (ms since epoch). Revoking a token deletes it.
  const tokens = new Map<string, number>();
  let faults: Fault[] = [];
  let requestLog: RecordedRequest[] = [];

  function issueToken(req: IncomingMessage, body: Buffer): Reply {
    const basic = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const decoded = basic ? Buffer.from(basic[1] as string, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (!basic || colon <= 0 || colon === decoded.length - 1) {
      return authError(
        'AuthValidationError',
        'Missing username or password: send Authorization: Basic base64(username:password)',
      );
    }
    const json = parseJson(body);
    if (!json.ok || !isRecord(json.value) || json.value.grant_type !== 'client_credentials') {
      return authError(
        'BodyValidationError',
        'Request body must be JSON with "grant_type": "client_credentials"',
      );
    }
    const username = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    if (username !== credentials.username || password !== credentials.password) {
      return authError('BadCredentials', 'User does not exist.');
    }
    const accessToken = randomBytes(TOKEN_BYTES).toString('base64url');
    tokens.set(accessToken, Date.now() + tokenLifetimeS * 1000);
    return {
      status: 200,
      headers: { 'cache-control': 'no-store' },
      body: {
        status_code: 200,
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: tokenLifetimeS,
        userId: 'user',
        scope: 'all',
      },
    };
  }

  /** Undefined when the bearer token is valid, otherwise the 401 to send. */
  function checkBearer(req: IncomingMessage): Reply | undefined {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!bearer) return unauthorized('Missing bearer token');
    const token = bearer[1] as string;
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined || expiresAt <= Date.now()) {
      tokens.delete(token);
      return unauthorized('The incoming token has expired');
    }
    return undefined;
  }

  /** The first pending fault for this path (`/v1/…`), used up by one request. */
  function takeFault(path: string): Reply | undefined {
    const fault = faults.find((item) => !item.path || isAtOrBelow(path, item.path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults.splice(faults.indexOf(fault), 1);
    return { status: fault.status, headers: fault.headers, body: fault.body };
  }

  function control(method: string, path: string, body: Buffer): Reply {
    const action = path.slice(CONTROL_PREFIX.length);
    if (method === 'POST' && action === 'reset') {
      db.reset();
      tokens.clear();
      faults = [];
      requestLog = [];
      return { status: 204 };
    }
    if (method === 'POST' && action === 'expire-tokens') {
      tokens.clear();
      return { status: 204 };
    }
    if (method === 'POST' && action === 'fail-next') {
      const json = parseJson(body);
      const fault = json.ok
        ? parseFault(json.value)
        : { property: 'body', message: 'Request body is not valid JSON' };
      if (!('status' in fault)) return apiError(400, [fault]);
      faults.push(fault);
      return { status: 200, body: { pending: faults.reduce((n, f) => n + f.remaining, 0) } };
    }
    if (method === 'POST' && action === 'device-message') {
      // What Demo controls do in the demo: a device event, delivered (and retried) by the db.
      const json = parseJson(body);
      const eventType = json.ok && isRecord(json.value) ? json.value.eventType : undefined;
      if (eventType !== 'TELEMETRY_DATA' && eventType !== 'LIFECYCLE') {
        return apiError(400, [{ property: 'eventType', message: 'TELEMETRY_DATA or LIFECYCLE' }]);
      }
      return { status: 200, body: db.sendDeviceMessage(eventType) };
    }
    if (method === 'GET' && action === 'requests') {
      return { status: 200, body: requestLog };
    }
    if (method === 'POST' && action === 'clear-requests') {
      requestLog = [];
      return { status: 204 };
    }
    return notFound();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    let url: URL;
    try {
      url = new URL(target, `http://${req.headers.host ?? 'localhost'}`);
    } catch {
      url = new URL(target, 'http://localhost');
    }
    const path = url.pathname;
    const body = await readBody(req);

    if (path === HEALTH_PATH && (method === 'GET' || method === 'HEAD')) {
      return writeReply(res, method, { status: 200, body: { status: 'ok' } });
    }
    if (path.startsWith(CONTROL_PREFIX)) {
      return writeReply(res, method, control(method, path, body));
    }

    requestLog.push({
      method,
      path: target,
      authorization: authorizationScheme(req.headers.authorization),
    });
    if (requestLog.length > REQUEST_LOG_CAP)
      requestLog.splice(0, requestLog.length - REQUEST_LOG_CAP);

    if (path === TOKEN_PATH && method === 'POST') {
      return writeReply(res, method, issueToken(req, body));
    }
    if (!path.startsWith(V1_PREFIX)) return writeReply(res, method, notFound());

    // As at a gateway: an unauthenticated request never reaches the API, nor an injected fault.
    const rejected = checkBearer(req);
    if (rejected) return writeReply(res, method, rejected);
    const fault = takeFault(path.slice(API_PREFIX.length));
    if (fault) return writeReply(res, method, fault);

    const response = await getResponse(handlers, toRequest(req, url, body));
    if (!response) return writeReply(res, method, notFound());
    return writeResponse(res, method, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('upstream: request failed', error);
      if (res.headersSent) {
        res.destroy();
      } else {
        writeReply(res, req.method ?? 'GET', {
          status: 500,
          body: {
            statusCode: 500,
            statusText: 'Server Error',
            errors: [{ message: error instanceof Error ? error.message : String(error) }],
          },
        });
      }
    });
  });

  return {
    server,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      });
    },
  };
}
