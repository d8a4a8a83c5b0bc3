import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { DETAIL_CONCURRENCY, mapWithLimit } from '@/api/concurrency';
import { describeError } from '@/api/errors';
import { createWebhook, integrationQueries, updateWebhook } from '@/integrations/queries';
import type { IntegrationDetail, IntegrationSummary } from '@/integrations/schemas';
import type { TransferFile } from '@/transfer/format';
import { buildPlan, type Plan } from '@/transfer/plan';

/** Fresh details of `items` (URL and headers are only in the detail), a few requests at a time. */
export async function readDetails(
  queryClient: QueryClient,
  items: readonly IntegrationSummary[],
  onProgress?: (done: number) => void,
): Promise<IntegrationDetail[]> {
  let done = 0;
  return mapWithLimit(items, DETAIL_CONCURRENCY, async (item) => {
    // staleTime 0: a detail read before the export (or before a plan) must not be a cached one.
    const detail = await queryClient.fetchQuery({
      ...integrationQueries.detail(item.id),
      staleTime: 0,
    });
    onProgress?.(++done);
    return detail;
  });
}

/**
 * The plan for a chosen file, from fresh details of the account's webhooks that share a name with
 * one in it. A query, not an effect: built once per chosen file, and outside INTEGRATIONS_KEY, so
 * the refetch after Apply leaves the plan and its results on screen. `serial` stands for the file,
 * which is there whenever the query is enabled.
 */
export const importPlanQuery = (
  serial: number,
  parsed: TransferFile | undefined,
  items: IntegrationSummary[],
  onRead: (progress: { done: number; total: number }) => void,
) =>
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  queryOptions({
    queryKey: ['import-plan', serial],
    queryFn: async ({ client }): Promise<Plan> => {
      const file = parsed!;
      const names = new Set(file.webhooks.map((entry) => entry.name));
      const matched = items.filter((item) => names.has(item.name) && item.type === 'WEBHOOK');
      onRead({ done: 0, total: matched.length });
      const details = await readDetails(client, matched, (done) =>
        onRead({ done, total: matched.length }),
      );
      const byId = new Map(details.map((detail) => [detail.id, detail]));
      return buildPlan(
        file,
        items.map((item) => byId.get(item.id) ?? item),
      );
    },
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

export type RowResult = { ok: true } | { ok: false; message: string };
export type RowKey = `${'create' | 'update'}:${number}`;

/**
 * Sends the plan one request at a time: updates first (one may free a URL a create takes), then
 * creates. A refused row (400, 409…) is reported and the rest go on. The caller invalidates
 * INTEGRATIONS_KEY once afterwards: these plain functions bypass the MutationCache.
 */
export async function applyPlan(
  plan: Pick<Plan, 'create' | 'update'>,
  onResult: (key: RowKey, result: RowResult) => void,
): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  const run = async (key: RowKey, send: () => Promise<unknown>) => {
    try {
      await send();
      done++;
      onResult(key, { ok: true });
    } catch (error) {
      failed++;
      onResult(key, { ok: false, message: describeError(error) });
    }
  };
  for (const entry of plan.update) {
    await run(`update:${entry.index}`, () => updateWebhook({ id: entry.id, patch: entry.patch }));
  }
  for (const entry of plan.create) {
    await run(`create:${entry.index}`, () => createWebhook(entry.input));
  }
  return { done, failed };
}
