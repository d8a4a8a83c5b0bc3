import type { IntegrationDetail, WebhookCreate, WebhookPatch } from '@/integrations/schemas';
import { seedIntegrations } from '@/mocks/seed';

const EVENT_VERSION = '1.0.0';

/**
 * The integrations themselves, as live objects: the delivery simulation changes their state in
 * place, and db hands out copies.
 */
export interface IntegrationStore {
  /** In the order they were created: what is persisted. */
  all(): IntegrationDetail[];
  /** What the list endpoint serves. */
  byNewest(): IntegrationDetail[];
  find(id: string): IntegrationDetail | undefined;
  /** Only webhooks receive messages, tests and restarts. */
  findWebhook(id: string): IntegrationDetail | undefined;
  findByUrl(url: string, exceptId?: string): IntegrationDetail | undefined;
  create(input: WebhookCreate): IntegrationDetail;
  patch(id: string, patch: WebhookPatch): IntegrationDetail | undefined;
  remove(id: string): void;
  reset(): void;
  restore(integrations: IntegrationDetail[]): void;
}

function normalizeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export function byNewest(integrations: IntegrationDetail[]): IntegrationDetail[] {
  // Reversing first makes the stable sort put the later-created of two equal timestamps first.
  // ISO 8601 in UTC sorts as text: compared by code unit, not localeCompare, whose first call
  // loads ICU's collation data on the demo's first request (see src/ui/format.ts).
  const created = (integration: IntegrationDetail) => integration.createdTime ?? '';
  return [...integrations].reverse().sort((a, b) => {
    const x = created(a);
    const y = created(b);
    return x < y ? 1 : x > y ? -1 : 0;
  });
}

export function createIntegrationStore({
  now,
  newId,
}: {
  now: () => Date;
  newId: () => string;
}): IntegrationStore {
  let integrations: IntegrationDetail[] = seedIntegrations();
  const iso = () => now().toISOString();
  const find = (id: string) => integrations.find((integration) => integration.id === id);

  return {
    all: () => integrations,
    byNewest: () => byNewest(integrations),
    find,

    findWebhook(id) {
      const integration = find(id);
      return integration?.type === 'WEBHOOK' ? integration : undefined;
    },

    findByUrl(url, exceptId) {
      const wanted = normalizeUrl(url);
      return integrations.find(
        (integration) =>
          integration.id !== exceptId &&
          integration.url !== undefined &&
          normalizeUrl(integration.url) === wanted,
      );
    },

    create(input) {
      const time = iso();
      const integration: IntegrationDetail = {
        id: newId(),
        name: input.name,
        type: 'WEBHOOK',
        state: 'ROLLOUT_DONE',
        url: input.url,
        headers: { ...input.headers },
        eventTypes: input.eventTypes.map(({ type, version }) => ({
          type,
          version: version ?? EVENT_VERSION,
        })),
        jsonPayloadEnabled: input.jsonPayloadEnabled ?? false,
        createdTime: time,
        updatedTime: time,
      };
      integrations.push(integration);
      return integration;
    },

    patch(id, patch) {
      const integration = find(id);
      if (!integration) return undefined;
      if (patch.url !== undefined) integration.url = patch.url;
      // Headers are replaced, not merged: otherwise a console could never remove one.
      if (patch.headers !== undefined) integration.headers = { ...patch.headers };
      if (patch.eventTypes !== undefined) {
        integration.eventTypes = patch.eventTypes.map(({ type, version }) => ({
          type,
          version: version ?? EVENT_VERSION,
        }));
      }
      if (patch.jsonPayloadEnabled !== undefined) {
        integration.jsonPayloadEnabled = patch.jsonPayloadEnabled;
      }
      integration.updatedTime = iso();
      return integration;
    },

    remove(id) {
      integrations = integrations.filter((integration) => integration.id !== id);
    },

    reset() {
      integrations = seedIntegrations();
    },

    restore(stored) {
      integrations = stored;
    },
  };
}

// The list endpoint, like the real one, omits url, headers and error.
export function toListItem(integration: IntegrationDetail) {
  const { id, name, state, type, createdTime, updatedTime, eventTypes, jsonPayloadEnabled } =
    integration;
  return {
    id,
    name,
    state,
    type,
    createdTime,
    updatedTime,
    eventTypes,
    jsonPayloadEnabled,
    ...(integration.lastSuccessfulMessageDelivery !== undefined && {
      lastSuccessfulMessageDelivery: integration.lastSuccessfulMessageDelivery,
    }),
  };
}
