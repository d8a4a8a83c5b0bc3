import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import type { StoredAdminLog } from '@/mocks/admin-log-store';
import { db } from '@/mocks/db';
import { latency } from '@/mocks/latency';
import { apiError, paginate, parsePaging, type ValidationError } from '@/mocks/validation';

const PATH = '*/v1/administrationLogs';
const MAX_PAGE = 50;
// The spec sets no maximum; 1NCE's docs say 1–25, and the stand-in holds the console to that.
const MAX_PAGE_SIZE = 25;
const DEFAULT_PAGE_SIZE = 10;

// The spec's enums for an item's type and category (getAdministrationLogsResponseschema_items_inner).
const TYPES = ['INTEGRATION', 'DEVICE', 'GENERAL', 'LOCATION', 'LIFECYCLE'];
const CATEGORIES = ['info', 'error'];

const FILTERS = ['geofenceId', 'category', 'iccid', 'type', 'startDateTime', 'endDateTime'];
const utcDateTime = z.iso.datetime();

type Filter = Partial<Record<string, string>>;

/**
 * The spec's `q`: a comma list of `filter:value` (the first colon splits, so a date keeps its
 * own). `type` and `category` are matched ignoring case, as the spec's own example writes
 * `type:device` for the enum value DEVICE.
 */
export function parseLogFilter(q: string): { filter: Filter } | { problem: ValidationError } {
  const filter: Filter = {};
  if (q.trim() === '') return { filter };
  for (const part of q.split(',')) {
    const colon = part.indexOf(':');
    const name = part.slice(0, colon).trim();
    const value = part.slice(colon + 1).trim();
    const problem = (message: string) => ({ problem: { property: 'q', message } });
    if (colon <= 0 || value === '') {
      return problem(`"${part}" is not a filter:value pair`);
    }
    if (!FILTERS.includes(name)) {
      return problem(`Unknown filter "${name}"; allowed: ${FILTERS.join(', ')}`);
    }
    if (name in filter) return problem(`Filter "${name}" is given twice`);
    if (name === 'type' && !TYPES.includes(value.toUpperCase())) {
      return problem(`type must be one of ${TYPES.join(', ')}, got "${value}"`);
    }
    if (name === 'category' && !CATEGORIES.includes(value.toLowerCase())) {
      return problem(`category must be one of ${CATEGORIES.join(', ')}, got "${value}"`);
    }
    if (name.endsWith('DateTime') && !utcDateTime.safeParse(value).success) {
      return problem(`${name} must be a UTC date-time such as 2026-11-16T00:00:00.000Z`);
    }
    filter[name] = value;
  }
  if (filter.startDateTime && filter.endDateTime && filter.startDateTime > filter.endDateTime) {
    return { problem: { property: 'q', message: 'startDateTime must not be after endDateTime' } };
  }
  return { filter };
}

function matchesFilter(log: StoredAdminLog, filter: Filter): boolean {
  const time = Date.parse(log.timestamp);
  return (
    (!filter.type || log.type.toUpperCase() === filter.type.toUpperCase()) &&
    (!filter.category || log.category?.toLowerCase() === filter.category.toLowerCase()) &&
    (!filter.iccid || log.iccid === filter.iccid) &&
    // No simulated entry is about a geofence.
    !filter.geofenceId &&
    (!filter.startDateTime || time >= Date.parse(filter.startDateTime)) &&
    (!filter.endDateTime || time <= Date.parse(filter.endDateTime))
  );
}

export const adminLogHandlers = [
  http.get(PATH, async ({ request }) => {
    await latency();
    const search = new URL(request.url).searchParams;
    const paging = parsePaging(search, {
      defaultPageSize: DEFAULT_PAGE_SIZE,
      maxPageSize: MAX_PAGE_SIZE,
      maxPage: MAX_PAGE,
    });
    const q = parseLogFilter(search.get('q') ?? '');
    if (paging.errors || 'problem' in q) {
      return apiError(400, [...(paging.errors ?? []), ...('problem' in q ? [q.problem] : [])]);
    }
    const { page, pageSize } = paging;

    const matching = db.adminLogs().filter((log) => matchesFilter(log, q.filter));
    const { items, pages } = paginate(matching, page, pageSize);
    return HttpResponse.json({ page, pageAmount: Math.max(1, pages), items });
  }),
];
