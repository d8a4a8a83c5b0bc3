import type { IntegrationSummary } from '@/integrations/schemas';

/** What the list is narrowed to; an empty string means "any". Lives in the URL: a deep link. */
export interface Filters {
  q: string;
  state: string;
  type: string;
}

// The order a user scans them in: the everyday states first, the AWS rollout ones last.
export const STATE_FILTERS = [
  'INTEGRATION_ACTIVE',
  'INTEGRATION_FAILED',
  'ROLLOUT_DONE',
  'ROLLOUT_STARTED',
  'ROLLOUT_FAILED',
] as const;
export const TYPE_FILTERS = ['WEBHOOK', 'AWS'] as const;

const known = (values: readonly string[], value: string | null) =>
  value !== null && values.includes(value) ? value : '';

/** Unknown `state`/`type` values in a hand-edited link are ignored rather than matching nothing. */
export function readFilters(params: URLSearchParams): Filters {
  return {
    q: params.get('q') ?? '',
    state: known(STATE_FILTERS, params.get('state')),
    type: known(TYPE_FILTERS, params.get('type')),
  };
}

export const isFiltering = (filters: Filters) =>
  filters.q.trim() !== '' || filters.state !== '' || filters.type !== '';

/**
 * The search matches the name or the Endpoint URL: the two things a user knows a webhook by.
 * `url` comes from the webhook's detail (list items carry none), once it has been read.
 */
export function matches(item: IntegrationSummary, filters: Filters, url?: string): boolean {
  const needle = filters.q.trim().toLowerCase();
  return (
    (needle === '' ||
      item.name.toLowerCase().includes(needle) ||
      (url?.toLowerCase().includes(needle) ?? false)) &&
    (filters.state === '' || item.state === filters.state) &&
    (filters.type === '' || item.type === filters.type)
  );
}

/**
 * The URL's query with `change` applied. `page` goes: a filtered view shows every match at once,
 * and clearing the last filter returns to the first page.
 */
export function withFilters(params: URLSearchParams, change: Partial<Filters>): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('page');
  for (const [key, value] of Object.entries(change)) {
    if (value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}
