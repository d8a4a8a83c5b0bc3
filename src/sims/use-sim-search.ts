import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useAllPages } from '@/api/all-pages';
import { isRetriable } from '@/api/query-client';
import { describeError, hasStatus } from '@/api/errors';
import { FLEET_CAP, simQueries, type FleetPage } from '@/sims/queries';
import type { Sim } from '@/sims/schemas';
import { capNote, classifySearch, matchSims, type SearchTerm } from '@/sims/search';
import { formatCount } from '@/ui/format';

/** Options shown at once; more matches ask for a longer search text. */
const OPTION_LIMIT = 20;
const DEBOUNCE_MS = 300;

interface SimSearch {
  term: SearchTerm;
  options: Sim[];
  /** Matches beyond `options`. */
  more: number;
  busy: boolean;
  /** Why the search found nothing or failed; the Preview keeps its device either way. */
  error?: string;
  /** Progress, a wait the API asked for, how much of a large fleet was searched. */
  note?: string;
  retry?: () => void;
}

/** Module scope, so the selection is not run again on every render. */
const asList = (sim: Sim) => [sim];

const count = (n: number, one: string) => `${formatCount(n)} ${one}${n === 1 ? '' : 's'}`;

function failure(error: unknown, term: SearchTerm): string {
  if (hasStatus(error, 403)) {
    return 'Your API user may not read SIMs, so the Preview keeps its device.';
  }
  if (hasStatus(error, 404) && term.kind === 'iccid') {
    return `No SIM with ICCID ${term.typed}.`;
  }
  return `Could not search your SIMs. ${describeError(error)}`;
}

/** While a query waits out a 429 before asking again (its retry). */
function waiting(error: unknown): string | undefined {
  if (!hasStatus(error, 429)) return undefined;
  const wait = error.retryAfterSeconds;
  return `1NCE asked to wait${wait === undefined ? '' : ` ${wait} s`} (too many requests); the search goes on by itself.`;
}

function single(
  query: UseQueryResult<Sim[], unknown>,
  term: SearchTerm,
  notFound: string,
): SimSearch {
  if (query.isError) {
    return {
      term,
      options: [],
      more: 0,
      busy: false,
      error: failure(query.error, term),
      retry: isRetriable(query.error) ? () => void query.refetch() : undefined,
    };
  }
  const options = query.data ?? [];
  return {
    term,
    options,
    more: 0,
    busy: query.isFetching,
    error: query.isSuccess && options.length === 0 ? notFound : undefined,
    note: query.isFetching ? (waiting(query.failureReason) ?? 'Searching…') : undefined,
  };
}

/** Loaded SIMs, each once (one that moved to the next page while paging is not doubled). */
function fleetState(pages: readonly FleetPage[] | undefined) {
  const byIccid = new Map<string, Sim>();
  for (const sim of pages?.flatMap((page) => page.sims) ?? []) {
    if (!byIccid.has(sim.iccid!)) byIccid.set(sim.iccid!, sim);
  }
  const sims = [...byIccid.values()];
  const received = pages?.reduce((sum, page) => sum + page.received, 0) ?? 0;
  const total = pages?.at(-1)?.totalCount;
  return {
    sims,
    received,
    total,
    target: total === undefined ? undefined : Math.min(total, FLEET_CAP),
  };
}

/**
 * What the search box asks for, and what to show: a whole ICCID or an IPv4 address is one
 * request; other text searches the fleet, loaded page by page once for the session.
 */
export function useSimSearch(input: string): SimSearch {
  const [debounced] = useDebouncedValue(input, DEBOUNCE_MS);
  const term = useMemo(() => classifySearch(debounced), [debounced]);

  const byIccid = useQuery({
    ...simQueries.byIccid(term.kind === 'iccid' ? term.iccid : ''),
    enabled: term.kind === 'iccid',
    select: asList,
  });
  const byIp = useQuery({
    ...simQueries.byIp(term.kind === 'ip' ? term.ip : ''),
    enabled: term.kind === 'ip',
  });
  const fleet = useInfiniteQuery({ ...simQueries.fleet(), enabled: term.kind === 'text' });
  const { hasNextPage, isError, fetchNextPage } = fleet;
  // One page after the other while a text search wants them (the rate limiter spaces them).
  useAllPages(fleet, term.kind === 'text');

  const loaded = useMemo(() => fleetState(fleet.data?.pages), [fleet.data]);
  const matched = useMemo(
    () => (term.kind === 'text' ? matchSims(loaded.sims, term.text, OPTION_LIMIT) : undefined),
    [loaded, term],
  );

  switch (term.kind) {
    case 'none':
      return { term, options: [], more: 0, busy: false };
    case 'bad-check-digit':
      return {
        term,
        options: [],
        more: 0,
        busy: false,
        error: `The last of these 20 digits is not the check digit of the first 19: check the ICCID.`,
      };
    case 'iccid':
      return single(byIccid, term, `No SIM with ICCID ${term.typed}.`);
    case 'ip':
      return single(byIp, term, `No SIM with IP address ${term.ip}.`);
  }

  const { matches, count: found } = matched!;
  const loading = fleet.isFetching || (hasNextPage && !isError);
  const base = { term, options: matches, more: found - matches.length, busy: loading };
  if (isError) {
    const error = failure(fleet.error, term);
    // SIMs already loaded are still searched; the rest can be asked for again.
    return {
      ...base,
      busy: false,
      error,
      retry: isRetriable(fleet.error) ? () => void fetchNextPage() : undefined,
    };
  }
  if (loading) {
    const progress =
      loaded.target === undefined
        ? 'Loading your SIMs…'
        : `Loading your SIMs: ${formatCount(loaded.received)} of ${count(loaded.target, 'SIM')}…`;
    return { ...base, note: waiting(fleet.failureReason) ?? progress };
  }
  // The SIMs searched, each once: fewer than received when the API repeated some.
  const cap = capNote(loaded.sims.length, loaded.total);
  if (found === 0) {
    return {
      ...base,
      error: `No SIM’s label, ICCID or IP address matches “${term.text}”.${cap ? ` ${cap}` : ''}`,
    };
  }
  return {
    ...base,
    note: cap ?? (found === 1 ? '1 SIM matches.' : `${count(found, 'SIM')} match.`),
  };
}
