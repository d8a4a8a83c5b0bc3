import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/request';
import { adminLogPageSchema, type AdminLog } from '@/failures/schemas';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';
import { formatCount } from '@/ui/format';

export const FAILURE_WINDOW_DAYS = 7;
const WINDOW_MS = FAILURE_WINDOW_DAYS * 24 * 60 * 60 * 1000;
const LOG_PAGE_SIZE = 25;
/** The spec's maximum for `page`: entries beyond page 50 cannot be read at all. */
export const MAX_LOG_PAGE = 50;
const PATH = '/v1/administrationLogs';
export const TRUNCATED = `Only the newest ${formatCount(MAX_LOG_PAGE * LOG_PAGE_SIZE)} log entries could be read: the API serves no more than ${MAX_LOG_PAGE} pages of ${LOG_PAGE_SIZE}.`;

/**
 * The spec's `q` filter for integration errors since `now` minus 7 days (1NCE keeps logs that
 * long anyway), in UTC with milliseconds and Z as the spec's example has it:
 * `type:INTEGRATION,category:error,startDateTime:2026-11-24T11:37:01.123Z`.
 */
export function failureFilter(now: Date): string {
  const start = new Date(now.getTime() - WINDOW_MS).toISOString();
  return `type:INTEGRATION,category:error,startDateTime:${start}`;
}

export interface FailureLogs {
  /** Integration errors of the last 7 days, newest first. */
  items: AdminLog[];
  /** More pages existed than the API lets anyone read (page ≤ 50): the oldest are missing. */
  truncated: boolean;
}

/**
 * Every page of the filtered logs, asked for one at a time (the API's order and `pageAmount`
 * are only known after each answer), up to page 50. The API applies `q`; the console only puts
 * the entries newest first, which the spec does not promise.
 */
export async function fetchFailureLogs({
  signal,
  now = new Date(),
}: {
  signal?: AbortSignal;
  now?: Date;
} = {}): Promise<FailureLogs> {
  const q = failureFilter(now);
  // By id: entries that move to the next page while it is read are counted once.
  const byId = new Map<string, AdminLog>();
  let pageAmount = 1;
  for (let page = 1; page <= Math.min(pageAmount, MAX_LOG_PAGE); page += 1) {
    const answer = await request(PATH, adminLogPageSchema, {
      query: { q, pageSize: LOG_PAGE_SIZE, page },
      signal,
    });
    for (const item of answer.items) byId.set(item.id, item);
    pageAmount = answer.pageAmount ?? 1;
    // An API that ignores `page` would hand back page 1 forever.
    if (answer.page !== undefined && answer.page !== page) break;
  }
  const items = [...byId.values()].sort(
    (a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp),
  );
  return { items, truncated: pageAmount > MAX_LOG_PAGE };
}

export const failureQueries = {
  // Under INTEGRATIONS_KEY so the MutationCache's invalidation after Test, Restart or a save, and
  // the list's Refresh, ask for it again. One entry serves the list and every detail page.
  recent: () =>
    queryOptions({
      queryKey: [...INTEGRATIONS_KEY, 'failures'],
      queryFn: ({ signal }) => fetchFailureLogs({ signal }),
    }),
};
