import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { queryRetryDelay, shouldRetryQuery } from '@/api/query-client';
import { ApiError, request, requestWithHeaders } from '@/api/request';
import { createRateLimiter } from '@/sims/rate-limit';
import { simDetailSchema, simListSchema, simPageSchema, type Sim } from '@/sims/schemas';

const BASE = '/v1/sims';
/** The API's maximum, so the fewest requests fill the search. */
export const FLEET_PAGE_SIZE = 100;
/** The search covers this many SIMs at most: 20 requests, just over a second at the rate limit. */
export const FLEET_CAP = 2000;
/** 429s waited out (each as long as Retry-After says) before the search gives up. */
const MAX_RATE_LIMIT_WAITS = 5;

// 1NCE allows 10 requests per second per customer on /sims: one limiter for every SIM request
// this tab makes, and a 429 holds all of them for as long as Retry-After says. 10 in 1.1 s: the
// API counts when requests arrive, and a busy tab or network can delay one and not the next.
export const simRateLimiter = createRateLimiter({ limit: 10, intervalMs: 1100 });

async function limited<T>(signal: AbortSignal, send: () => Promise<T>): Promise<T> {
  await simRateLimiter.acquire(signal);
  try {
    return await send();
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) {
      simRateLimiter.pause((error.retryAfterSeconds ?? 1) * 1000);
    }
    throw error;
  }
}

export function isRateLimited(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 429;
}

// Set here rather than left to the client's default: a 429 is waited out even where other
// failures are not retried, so the search goes on by itself.
const retry = (failureCount: number, error: unknown) =>
  isRateLimited(error)
    ? failureCount < MAX_RATE_LIMIT_WAITS
    : shouldRetryQuery(failureCount, error);

export interface FleetPage {
  page: number;
  sims: Sim[];
  /** Items in the answer, readable or not: what paging counts. */
  received: number;
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
  if (last.totalPages !== undefined) return last.page < last.totalPages ? last.page + 1 : undefined;
  // Without X-Total-Pages, a full page means there may be more.
  return last.received >= FLEET_PAGE_SIZE ? last.page + 1 : undefined;
}

export const simQueries = {
  /** `iccid`: the 19 digits, as the spec's path example (8988280666000000000) has it. */
  byIccid: (iccid: string) =>
    queryOptions({
      queryKey: ['sims', 'detail', iccid],
      queryFn: ({ signal }) =>
        limited(signal, () => request(`${BASE}/${iccid}`, simDetailSchema, { signal })),
      staleTime: Infinity,
      retry,
      retryDelay: queryRetryDelay,
    }),
  byIp: (ip: string) =>
    queryOptions({
      queryKey: ['sims', 'by-ip', ip],
      queryFn: ({ signal }) =>
        limited(signal, () =>
          request(BASE, simListSchema, { query: { q: `ip_address:${ip}` }, signal }),
        ),
      staleTime: Infinity,
      retry,
      retryDelay: queryRetryDelay,
    }),
  /** The fleet page by page, kept for the whole session: every later search reuses it. */
  fleet: () =>
    infiniteQueryOptions({
      queryKey: ['sims', 'fleet', { pageSize: FLEET_PAGE_SIZE }],
      queryFn: ({ pageParam, signal }) =>
        limited(signal, async (): Promise<FleetPage> => {
          const { data, headers } = await requestWithHeaders(BASE, simPageSchema, {
            query: { page: pageParam, pageSize: FLEET_PAGE_SIZE },
            signal,
          });
          return {
            page: pageParam,
            ...data,
            totalPages: headerNumber(headers, 'x-total-pages'),
            totalCount: headerNumber(headers, 'x-total-count'),
          };
        }),
      initialPageParam: 1,
      getNextPageParam: nextFleetPage,
      staleTime: Infinity,
      gcTime: Infinity,
      retry,
      retryDelay: queryRetryDelay,
    }),
};
