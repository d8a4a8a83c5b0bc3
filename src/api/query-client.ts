import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError, hasStatus, type UpstreamCause } from '@/api/errors';

interface MutationMeta extends Record<string, unknown> {
  /** The query of what the mutation deleted: removed, so it is not refetched into a 404. */
  removes?: QueryKey;
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: MutationMeta;
  }
}

const MAX_QUERY_RETRIES = 3;
/** A 429 is waited out (each time as long as Retry-After says) more often than other failures. */
const MAX_RATE_LIMIT_WAITS = 5;

/**
 * The console's server found no DNS entry, a closed port or a broken certificate: asking again
 * only keeps the user looking at a skeleton. A timeout already waited UPSTREAM_TIMEOUT_MS.
 */
const FINAL_UPSTREAM_CAUSES: ReadonlySet<UpstreamCause> = new Set([
  'dns',
  'refused',
  'tls',
  'timeout',
]);

/** Whether asking again may bring another answer: what offers (or makes) another attempt. */
export function isRetriable(error: unknown): boolean {
  if (error instanceof ApiError && error.upstream) {
    return !FINAL_UPSTREAM_CAUSES.has(error.upstream.cause);
  }
  // 4xx answers will not change by asking again; 408 and 429 are the exceptions that might.
  if (error instanceof ApiError) {
    return error.status >= 500 || error.status === 408 || error.status === 429;
  }
  return true;
}

// A 429 says when to ask again (queryRetryDelay waits that long), so waiting it out is worth more
// patience: the rate limit is per customer, and another tab or tool can use it up for a while.
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (hasStatus(error, 429)) {
    return failureCount < MAX_RATE_LIMIT_WAITS;
  }
  return failureCount < MAX_QUERY_RETRIES && isRetriable(error);
}

/** Exponential back-off, or exactly what the API asked for with Retry-After. */
function queryRetryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterSeconds !== undefined) {
    return error.retryAfterSeconds * 1000;
  }
  return Math.min(1000 * 2 ** attempt, 30_000);
}

/**
 * `invalidates`: the queries any successful mutation may have changed, refetched where they are on
 * screen. The app names them (api/ knows no feature).
 */
export function createQueryClient({
  retry = true,
  invalidates,
}: {
  retry?: boolean;
  invalidates: QueryKey;
}) {
  const queryClient: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: async (_data, _variables, _context, mutation) => {
        const removed = mutation.meta?.removes;
        if (removed) queryClient.removeQueries({ queryKey: removed });
        await queryClient.invalidateQueries({ queryKey: invalidates });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: retry ? shouldRetryQuery : false,
        retryDelay: queryRetryDelay,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
