import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { request, requestWithHeaders } from '@/api/request';
import { createRateLimiter, type RateLimiter } from '@/sims/rate-limit';
import { simDetailSchema, simListSchema, simPageSchema, type Sim } from '@/sims/schemas';

const BASE = '/v1/sims';
/** The API's maximum, so the fewest requests fill the search. */
export const FLEET_PAGE_SIZE = 100;
/** The search covers this many SIMs at most: 20 requests, just over a second at the rate limit. */
export const FLEET_CAP = 2000;

// 1NCE allows 10 requests per second per customer on /sims: one limiter for every SIM request of
// a query client (the tab's one; a test's fresh one starts with none sent). 10 in 1.1 s: the API
// counts when requests arrive, and a busy tab or network can delay one and not the next. A 429
// needs nothing here: its query waits as long as Retry-After says before asking again.
const limiters = new WeakMap<QueryClient, RateLimiter>();

function limiterOf(client: QueryClient): RateLimiter {
  let limiter = limiters.get(client);
  if (!limiter) {
    limiter = createRateLimiter({ limit: 10, intervalMs: 1100 });
    limiters.set(client, limiter);
  }
  return limiter;
}

async function limited<T>(
  { client, signal }: { client: QueryClient; signal: AbortSignal },
  send: () => Promise<T>,
): Promise<T> {
  await limiterOf(client).acquire(signal);
  return send();
}

export interface FleetPage {
  page: number;
  sims: Sim[];
  /** Items in the answer, readable or not: what paging counts. */
  received: number;
  /** The page the API says it answered (X-Current-Page), when it says. */
  currentPage?: number;
  totalPages?: number;
  totalCount?: number;
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Which page to load next, or undefined when the fleet (or the cap) is reached. */
export function nextFleetPage(last: FleetPage, pages: readonly FleetPage[]): number | undefined {
  const received = pages.reduce((sum, page) => sum + page.received, 0);
  if (received >= FLEET_CAP || last.received === 0) return undefined;
  // Another page than the one asked for: an API that ignores `page` would be asked forever.
  if (last.currentPage !== undefined && last.currentPage !== last.page) return undefined;
  if (last.totalPages !== undefined) return last.page < last.totalPages ? last.page + 1 : undefined;
  // Without X-Total-Pages, a full page means there may be more.
  return last.received >= FLEET_PAGE_SIZE ? last.page + 1 : undefined;
}

export const simQueries = {
  /** `iccid`: the 19 digits, as the spec's path example (8988280666000000000) has it. */
  byIccid: (iccid: string) =>
    queryOptions({
      queryKey: ['sims', 'detail', iccid],
      queryFn: ({ client, signal }) =>
        limited({ client, signal }, () => request(`${BASE}/${iccid}`, simDetailSchema, { signal })),
      staleTime: Infinity,
    }),
  byIp: (ip: string) =>
    queryOptions({
      queryKey: ['sims', 'by-ip', ip],
      queryFn: ({ client, signal }) =>
        limited({ client, signal }, () =>
          request(BASE, simListSchema, { query: { q: `ip_address:${ip}` }, signal }),
        ),
      staleTime: Infinity,
    }),
  /** The fleet page by page, kept for the whole session: every later search reuses it. */
  fleet: () =>
    infiniteQueryOptions({
      queryKey: ['sims', 'fleet', { pageSize: FLEET_PAGE_SIZE }],
      queryFn: ({ client, pageParam, signal }) =>
        limited({ client, signal }, async (): Promise<FleetPage> => {
          const { data, headers } = await requestWithHeaders(BASE, simPageSchema, {
            query: { page: pageParam, pageSize: FLEET_PAGE_SIZE },
            signal,
          });
          return {
            page: pageParam,
            ...data,
            currentPage: headerNumber(headers, 'x-current-page'),
            totalPages: headerNumber(headers, 'x-total-pages'),
            totalCount: headerNumber(headers, 'x-total-count'),
          };
        }),
      initialPageParam: 1,
      getNextPageParam: nextFleetPage,
      staleTime: Infinity,
      gcTime: Infinity,
    }),
};
