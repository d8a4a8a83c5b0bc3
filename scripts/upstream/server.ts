import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { handlers } from '@/mocks/handlers';
import { control, CONTROL_PREFIX } from './control';
import { createFaults } from './faults';
import { notFound, readBody, toRequest, writeReply, writeResponse } from './http';
import { createRequestLog } from './request-log';
import { createTokens, DEFAULT_CREDENTIALS, DEFAULT_TOKEN_LIFETIME_S } from './tokens';

export const API_PREFIX = '/management-api';
const TOKEN_PATH = `${API_PREFIX}/oauth/token`;
const V1_PREFIX = `${API_PREFIX}/v1/`;
const HEALTH_PATH = '/healthz';

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

/**
 * A stand-in for https://api.1nce.com/management-api over real HTTP, for live-mode end-to-end
 * tests: the console's server is pointed at it with MANAGEMENT_API_URL. It serves the SAME MSW
 * handlers and db as demo mode, and adds what demo mode leaves out: the OAuth token flow, bearer
 * checks on /v1, and /__control/ endpoints a test calls directly (never under /management-api, so
 * the console's server cannot forward them). Node only; started by scripts/upstream.js.
 */
export function createUpstream(options: UpstreamOptions = {}): Upstream {
  const tokens = createTokens({
    tokenLifetimeS: options.tokenLifetimeS ?? DEFAULT_TOKEN_LIFETIME_S,
    credentials: options.credentials ?? DEFAULT_CREDENTIALS,
  });
  const faults = createFaults();
  const requestLog = createRequestLog();

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
      return writeReply(res, method, control(method, path, body, { tokens, faults, requestLog }));
    }

    requestLog.record(method, target, req.headers.authorization);

    if (path === TOKEN_PATH && method === 'POST') {
      return writeReply(res, method, tokens.issue(req, body));
    }
    if (!path.startsWith(V1_PREFIX)) return writeReply(res, method, notFound());

    // As at a gateway: an unauthenticated request never reaches the API, nor an injected fault.
    const rejected = tokens.check(req);
    if (rejected) return writeReply(res, method, rejected);
    const fault = faults.take(path.slice(API_PREFIX.length));
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
