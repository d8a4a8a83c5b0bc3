import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { sendable } from '@/api/errors';
import { request } from '@/api/request';
import { INTEGRATIONS_KEY, detailKey } from '@/integrations/query-keys';
import {
  eventTypesResponseSchema,
  integrationDetailSchema,
  integrationListSchema,
  restartResultSchema,
  testResultSchema,
  webhookCreateSchema,
  webhookPatchSchema,
  type IntegrationList,
  type WebhookCreate,
  type WebhookPatch,
} from '@/integrations/schemas';

export const PAGE_SIZE = 10;
const BASE = '/v1/integrate/clouds';

// States that change without the user doing anything; pages poll while they show one.
const TRANSITIONAL_STATES = new Set(['ROLLOUT_STARTED', 'ROLLOUT_DONE']);
const POLL_MS = 15_000;

export const integrationQueries = {
  list: (page: number) =>
    queryOptions({
      queryKey: [...INTEGRATIONS_KEY, 'list', { page, pageSize: PAGE_SIZE }],
      queryFn: ({ signal }) =>
        request(BASE, integrationListSchema, { query: { page, pageSize: PAGE_SIZE }, signal }),
      placeholderData: keepPreviousData,
      refetchInterval: (query) => (hasTransitional(query.state.data) ? POLL_MS : false),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: detailKey(id),
      queryFn: ({ signal }) =>
        request(`${BASE}/${encodeURIComponent(id)}`, integrationDetailSchema, { signal }),
      refetchInterval: (query) =>
        query.state.data && TRANSITIONAL_STATES.has(query.state.data.state) ? POLL_MS : false,
    }),
  eventTypes: () =>
    queryOptions({
      queryKey: ['event-types'],
      queryFn: ({ signal }) => request(`${BASE}/eventTypes`, eventTypesResponseSchema, { signal }),
      select: (data) => data.eventTypes,
      staleTime: Infinity,
    }),
};

function hasTransitional(data: IntegrationList | undefined): boolean {
  return data?.items.some((item) => TRANSITIONAL_STATES.has(item.state)) ?? false;
}

const webhookPath = (id: string) => `${BASE}/webhooks/${encodeURIComponent(id)}`;

// Parsed before sending: a body the API would refuse (an extra or misspelt field) never goes out.
export const createWebhook = async (input: WebhookCreate) =>
  request(`${BASE}/webhooks`, integrationDetailSchema, {
    method: 'POST',
    body: sendable(webhookCreateSchema, input),
  });

export const updateWebhook = async ({ id, patch }: { id: string; patch: WebhookPatch }) =>
  request(webhookPath(id), integrationDetailSchema, {
    method: 'PATCH',
    body: sendable(webhookPatchSchema, patch),
  });

export const testWebhook = (id: string) =>
  request(`${webhookPath(id)}/test`, testResultSchema, { method: 'POST' });

export const restartWebhook = (id: string) =>
  request(`${webhookPath(id)}/restart`, restartResultSchema, { method: 'POST' });

export const deleteIntegration = (id: string) =>
  request(`${BASE}/${encodeURIComponent(id)}`, null, { method: 'DELETE' });
