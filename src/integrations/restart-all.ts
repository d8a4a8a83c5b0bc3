import { queryOptions } from '@tanstack/react-query';
import { DETAIL_CONCURRENCY, mapWithLimit } from '@/api/concurrency';
import { describeError } from '@/api/errors';
import { integrationQueries, restartWebhook } from '@/integrations/queries';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';
import type { IntegrationSummary } from '@/integrations/schemas';

/** Only webhooks: an AWS integration cannot be restarted through this API. */
export const isFailedWebhook = (item: IntegrationSummary) =>
  item.type === 'WEBHOOK' && item.state === 'INTEGRATION_FAILED';

export type RestartOutcome =
  | { kind: 'running' }
  | { kind: 'recovered' }
  /** 1NCE answered, and the test message was not delivered: still Failed. */
  | { kind: 'failing'; message: string }
  /** The request itself failed (network, 4xx/5xx): nothing is known to have changed. */
  | { kind: 'error'; message: string };

export type LastError = { error?: string; unreadable?: string };

/** Each webhook's last error, from its detail; a detail that cannot be read says why instead. */
export const lastErrorsQuery = (ids: readonly string[]) =>
  queryOptions({
    queryKey: [...INTEGRATIONS_KEY, 'last-errors', ids],
    queryFn: ({ client }) =>
      mapWithLimit(ids, DETAIL_CONCURRENCY, (id) =>
        client.fetchQuery(integrationQueries.detail(id)).then(
          (detail): LastError => ({ error: detail.error }),
          (error: unknown): LastError => ({ unreadable: describeError(error) }),
        ),
      ),
    staleTime: Infinity,
  });

/**
 * Restarts one webhook after another (each sends a test message that may take 1NCE up to 20 s),
 * reporting each outcome as it comes. `shouldStop` is asked before each one: a stop lets the
 * current restart finish and starts no more.
 */
export async function restartEach(
  ids: readonly string[],
  report: (id: string, outcome: RestartOutcome) => void,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  for (const id of ids) {
    if (shouldStop()) return;
    report(id, { kind: 'running' });
    try {
      const result = await restartWebhook(id);
      // A 200 can still be a failure: restartStatus says whether the test message got through.
      report(
        id,
        result.restartStatus === 'SUCCESS'
          ? { kind: 'recovered' }
          : { kind: 'failing', message: result.message ?? `Restart ${result.restartStatus}` },
      );
    } catch (error) {
      report(id, { kind: 'error', message: describeError(error) });
    }
  }
}

/** "1 restarted, 1 still failing", then what could not be sent and what was not tried. */
export function summarize(total: number, outcomes: readonly (RestartOutcome | undefined)[]) {
  const count = (kind: RestartOutcome['kind']) => outcomes.filter((o) => o?.kind === kind).length;
  const parts = [`${count('recovered')} restarted`, `${count('failing')} still failing`];
  const errors = count('error');
  if (errors > 0) parts.push(`${errors} could not be sent`);
  const untried = total - outcomes.filter((o) => o && o.kind !== 'running').length;
  if (untried > 0) parts.push(`${untried} not tried`);
  return parts.join(', ');
}
