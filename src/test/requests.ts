import { server } from '@/mocks/node';

export interface SentRequest {
  method: string;
  /** Below the API's base, with the query: `/v1/integrate/clouds?page=1&pageSize=10`. */
  path: string;
  /** The JSON body as the API received it (undefined without one), read as soon as it is sent. */
  body: unknown;
  /** `Date.now()` when it was sent. */
  at: number;
  /** Order among every request and answer of the test: sent, then answered once mocked. */
  sentOrder: number;
  answeredOrder?: number;
}

/**
 * Every request the console sends from now on, in the order sent, as the API stand-in receives
 * it. The listeners go with the test (setup.ts removes them after each).
 */
export function recordRequests(): SentRequest[] {
  const sent: SentRequest[] = [];
  const byRequest = new Map<string, SentRequest>();
  let order = 0;
  server.events.on('request:start', ({ request, requestId }) => {
    const url = new URL(request.url);
    const entry: SentRequest = {
      method: request.method,
      path: `${url.pathname.replace(/^\/management-api/, '')}${url.search}`,
      body: undefined,
      at: Date.now(),
      sentOrder: order++,
    };
    sent.push(entry);
    byRequest.set(requestId, entry);
    void request
      .clone()
      .text()
      .then((text) => {
        entry.body = text ? JSON.parse(text) : undefined;
      });
  });
  server.events.on('response:mocked', ({ requestId }) => {
    const entry = byRequest.get(requestId);
    if (entry) entry.answeredOrder = order++;
  });
  return sent;
}

/** The queries of the list pages asked for, as `?page=…&pageSize=…`. */
export const listPagesAsked = (sent: readonly SentRequest[]) =>
  sent
    .filter((request) => request.path.split('?')[0] === LIST)
    .map((request) => request.path.slice(LIST.length));

const LIST = '/v1/integrate/clouds';

/** What a request said, without when: for comparing with the requests a test expects. */
export const said = ({ method, path, body }: SentRequest) => ({ method, path, body });
