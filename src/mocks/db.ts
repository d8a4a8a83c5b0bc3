import { z } from 'zod';
import type {
  IntegrationDetail,
  RestartResult,
  TestResult,
  WebhookCreate,
  WebhookPatch,
} from '@/integrations/schemas';
import {
  createAdminLogStore,
  storedAdminLogsSchema,
  type StoredAdminLog,
} from '@/mocks/admin-log-store';
import { seedIntegrations } from '@/mocks/seed';
import { inject } from '@/placeholders/inject';
import { EXAMPLE_DEVICE } from '@/placeholders/preview';

export const MAX_ATTEMPTS = 5;
// 1NCE's documented back-off (150/180/420/1020 s) divided by 150, so a demo user sees the
// whole retry sequence within seconds instead of half an hour.
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 1200, 2800, 6800];
export const DEFAULT_STORAGE_KEY = 'integrator-console:demo';
const RESPONSE_TIMEOUT_S = 20;
const LOG_CAP = 100;
const EVENT_VERSION = '1.0.0';

export interface Device {
  iccid: string;
  imsi: string;
  ip: string;
}

export type DeviceEventType = 'TELEMETRY_DATA' | 'LIFECYCLE';
export type DeliveryOutcome = 'delivered' | 'failed' | 'disabled';

export interface DeliveryLogEntry {
  id: string;
  at: string;
  integrationId: string;
  integrationName: string;
  eventType: string;
  attempt: number;
  maxAttempts: typeof MAX_ATTEMPTS;
  outcome: DeliveryOutcome;
  url: string;
  detail: string;
  nextAttemptInMs?: number;
}

export interface DbOptions {
  retryDelaysMs?: readonly number[];
  now?: () => Date;
  randomId?: () => string;
}

export interface Db {
  list(): IntegrationDetail[];
  get(id: string): IntegrationDetail | undefined;
  create(input: WebhookCreate): IntegrationDetail;
  patch(id: string, patch: WebhookPatch): IntegrationDetail | undefined;
  remove(id: string): boolean;
  findByUrl(url: string, exceptId?: string): IntegrationDetail | undefined;
  test(id: string): TestResult | undefined;
  restart(id: string): RestartResult | undefined;
  sendDeviceMessage(eventType: DeviceEventType, device?: Device): DeliveryLogEntry[];
  log(): DeliveryLogEntry[];
  adminLogs(): StoredAdminLog[];
  subscribe(listener: () => void): () => void;
  reset(): void;
  persistTo(storage: Storage, key?: string): void;
}

/** The demo's only notion of the network: the reserved `.invalid` TLD never answers. */
export function endpointAnswers(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  return hostname !== 'invalid' && !hostname.endsWith('.invalid');
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function nanoid(size = 21): string {
  const bytes = crypto.getRandomValues(new Uint8Array(size));
  return Array.from(bytes, (byte) => ID_ALPHABET.charAt(byte & 63)).join('');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function normalizeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

function byNewest(integrations: IntegrationDetail[]): IntegrationDetail[] {
  // Reversing first makes the stable sort put the later-created of two equal timestamps first.
  return [...integrations]
    .reverse()
    .sort((a, b) => (b.createdTime ?? '').localeCompare(a.createdTime ?? ''));
}

const isSubscribed = (integration: IntegrationDetail, eventType: string) =>
  integration.eventTypes.some((ref) => ref.type === eventType);

interface PendingRetry {
  id: string;
  integrationId: string;
  eventType: DeviceEventType;
  device: Device;
  attempt: number;
  dueAt: number;
}

const deviceSchema = z.object({ iccid: z.string(), imsi: z.string(), ip: z.string() });

// Deliberately narrower than the app's reading schemas: anything that would break the
// simulation (a missing timestamp, a non-array eventTypes) means the stored copy is dropped.
const persistedSchema = z.object({
  version: z.literal(1),
  integrations: z.array(
    z.looseObject({
      id: z.string().min(1),
      name: z.string(),
      type: z.string(),
      state: z.string(),
      eventTypes: z.array(z.looseObject({ type: z.string(), version: z.string().optional() })),
      jsonPayloadEnabled: z.boolean(),
      createdTime: z.string(),
      updatedTime: z.string(),
      url: z.string().optional(),
      headers: z.record(z.string(), z.string()).optional(),
      error: z.string().optional(),
      lastSuccessfulMessageDelivery: z.string().optional(),
    }),
  ),
  log: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      integrationId: z.string(),
      integrationName: z.string(),
      eventType: z.string(),
      attempt: z.number().int().min(1).max(MAX_ATTEMPTS),
      maxAttempts: z.literal(MAX_ATTEMPTS),
      outcome: z.enum(['delivered', 'failed', 'disabled']),
      url: z.string(),
      detail: z.string(),
      nextAttemptInMs: z.number().optional(),
    }),
  ),
  pending: z.array(
    z.object({
      id: z.string(),
      integrationId: z.string(),
      eventType: z.enum(['TELEMETRY_DATA', 'LIFECYCLE']),
      device: deviceSchema,
      attempt: z.number().int().min(2).max(MAX_ATTEMPTS),
      dueAt: z.number(),
    }),
  ),
  // Optional: a copy stored before administration logs existed keeps its integrations.
  adminLogs: storedAdminLogsSchema.optional(),
});

export function createDb(options: DbOptions = {}): Db {
  const retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const now = options.now ?? (() => new Date());
  const randomId = options.randomId ?? (() => nanoid());

  let integrations: IntegrationDetail[] = seedIntegrations();
  let entries: DeliveryLogEntry[] = [];
  let pending: PendingRetry[] = [];
  const adminLogs = createAdminLogStore({ now, randomId });
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const listeners = new Set<() => void>();
  let save: (() => void) | undefined;

  const iso = () => now().toISOString();
  const find = (id: string) => integrations.find((integration) => integration.id === id);
  const findWebhook = (id: string) => {
    const integration = find(id);
    return integration?.type === 'WEBHOOK' ? integration : undefined;
  };

  function changed() {
    save?.();
    for (const listener of [...listeners]) listener();
  }

  function uniqueId(): string {
    let id = randomId();
    while (find(id) || entries.some((entry) => entry.id === id)) id = randomId();
    return id;
  }

  function record(
    integration: IntegrationDetail,
    fields: Pick<DeliveryLogEntry, 'eventType' | 'attempt' | 'outcome' | 'url' | 'detail'> & {
      nextAttemptInMs?: number;
    },
  ): DeliveryLogEntry {
    const entry: DeliveryLogEntry = {
      id: uniqueId(),
      at: iso(),
      integrationId: integration.id,
      integrationName: integration.name,
      maxAttempts: MAX_ATTEMPTS,
      ...fields,
    };
    entries.unshift(entry);
    if (entries.length > LOG_CAP) entries.length = LOG_CAP;
    return entry;
  }

  function markDelivered(integration: IntegrationDetail) {
    // The field is the FIRST successful delivery, whatever its name suggests.
    integration.lastSuccessfulMessageDelivery ??= iso();
    if (integration.state !== 'INTEGRATION_ACTIVE') {
      integration.state = 'INTEGRATION_ACTIVE';
      integration.updatedTime = iso();
    }
  }

  function cancelRetries(integrationId?: string) {
    for (const retry of pending) {
      if (integrationId !== undefined && retry.integrationId !== integrationId) continue;
      clearTimeout(timers.get(retry.id));
      timers.delete(retry.id);
    }
    pending =
      integrationId === undefined
        ? []
        : pending.filter((retry) => retry.integrationId !== integrationId);
  }

  function schedule(retry: PendingRetry) {
    pending.push(retry);
    const delay = Math.max(0, retry.dueAt - now().getTime());
    timers.set(
      retry.id,
      setTimeout(() => runRetry(retry.id), delay),
    );
  }

  function runRetry(retryId: string) {
    const retry = pending.find((candidate) => candidate.id === retryId);
    timers.delete(retryId);
    if (!retry) return;
    pending = pending.filter((candidate) => candidate.id !== retryId);
    attemptDelivery(retry.integrationId, retry.eventType, retry.device, retry.attempt);
    changed();
  }

  function forwardError(disabled: IntegrationDetail): DeliveryLogEntry[] {
    const receivers = byNewest(integrations).filter(
      (integration) =>
        integration.id !== disabled.id &&
        integration.type === 'WEBHOOK' &&
        integration.state !== 'INTEGRATION_FAILED' &&
        isSubscribed(integration, 'ERROR'),
    );
    return receivers.map((receiver) => {
      // Admin-log events carry no device, so every placeholder becomes "none".
      const url = inject(receiver.url ?? '', {});
      if (endpointAnswers(url)) {
        markDelivered(receiver);
        return record(receiver, {
          eventType: 'ERROR',
          attempt: 1,
          outcome: 'delivered',
          url,
          detail: `HTTP 200 from ${hostOf(url)}; reported that ${disabled.name} is now Failed`,
        });
      }
      return record(receiver, {
        eventType: 'ERROR',
        attempt: 1,
        outcome: 'failed',
        url,
        detail: `No answer within ${RESPONSE_TIMEOUT_S} s; the demo does not retry ERROR events`,
      });
    });
  }

  function attemptDelivery(
    integrationId: string,
    eventType: DeviceEventType,
    device: Device,
    attempt: number,
  ): DeliveryLogEntry[] {
    const integration = findWebhook(integrationId);
    if (!integration || integration.state === 'INTEGRATION_FAILED') return [];
    const url = inject(integration.url ?? '', device ?? {});

    if (endpointAnswers(url)) {
      markDelivered(integration);
      const detail = `HTTP 200 from ${hostOf(url)}`;
      return [record(integration, { eventType, attempt, outcome: 'delivered', url, detail })];
    }

    if (attempt < MAX_ATTEMPTS) {
      const delay = retryDelaysMs[attempt - 1] ?? retryDelaysMs.at(-1) ?? 0;
      const entry = record(integration, {
        eventType,
        attempt,
        outcome: 'failed',
        url,
        detail: `No answer within ${RESPONSE_TIMEOUT_S} s; next attempt in ${formatDelay(delay)}`,
        nextAttemptInMs: delay,
      });
      schedule({
        id: randomId(),
        integrationId,
        eventType,
        device,
        attempt: attempt + 1,
        dueAt: now().getTime() + delay,
      });
      return [entry];
    }

    const entry = record(integration, {
      eventType,
      attempt,
      outcome: 'disabled',
      url,
      detail: `${MAX_ATTEMPTS} of ${MAX_ATTEMPTS} attempts failed; integration is now Failed`,
    });
    integration.state = 'INTEGRATION_FAILED';
    integration.error = `CloudIntegrator[IntegrationDisabled]: ${MAX_ATTEMPTS} delivery attempts to ${url} failed: no answer within ${RESPONSE_TIMEOUT_S} s`;
    integration.updatedTime = iso();
    adminLogs.integrationDisabled(integration);
    // Other messages still being retried for it are dropped: a failed integration receives nothing.
    cancelRetries(integration.id);
    return [entry, ...forwardError(integration)];
  }

  function sendTestMessage(integration: IntegrationDetail, purpose: 'test' | 'restart') {
    const url = inject(integration.url ?? '', {});
    const answered = endpointAnswers(url);
    record(integration, {
      eventType: 'TEST_MESSAGE',
      attempt: 1,
      outcome: answered ? 'delivered' : 'failed',
      url,
      detail: answered
        ? `HTTP 200 from ${hostOf(url)}`
        : `No answer within ${RESPONSE_TIMEOUT_S} s; ${purpose === 'test' ? 'test' : 'restart'} failed`,
    });
    return { url, answered };
  }

  function persist(storage: Storage, key: string) {
    let stored: unknown;
    try {
      const raw = storage.getItem(key);
      stored = raw === null ? undefined : JSON.parse(raw);
    } catch {
      stored = null;
    }
    const parsed = stored === undefined ? undefined : persistedSchema.safeParse(stored);
    if (parsed && !parsed.success) {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing to clean up if the storage cannot even be written.
      }
    }

    save = () => {
      try {
        const stored = {
          version: 1,
          integrations,
          log: entries,
          pending,
          adminLogs: adminLogs.list(),
        };
        storage.setItem(key, JSON.stringify(stored));
      } catch {
        // A full or disabled storage must not break the demo; it just stops surviving reloads.
      }
    };

    if (parsed?.success) {
      cancelRetries();
      integrations = parsed.data.integrations as IntegrationDetail[];
      entries = parsed.data.log as DeliveryLogEntry[];
      if (parsed.data.adminLogs) adminLogs.restore(parsed.data.adminLogs);
      const nowMs = now().getTime();
      const overdue = parsed.data.pending.filter((retry) => retry.dueAt <= nowMs);
      for (const retry of parsed.data.pending) {
        if (retry.dueAt > nowMs) schedule(retry);
      }
      for (const retry of overdue.sort((a, b) => a.dueAt - b.dueAt)) {
        attemptDelivery(retry.integrationId, retry.eventType, retry.device, retry.attempt);
      }
    }
    changed();
  }

  return {
    list: () => structuredClone(byNewest(integrations)),

    get: (id) => {
      const integration = find(id);
      return integration && structuredClone(integration);
    },

    create(input) {
      const time = iso();
      const integration: IntegrationDetail = {
        id: uniqueId(),
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
      changed();
      return structuredClone(integration);
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
      changed();
      return structuredClone(integration);
    },

    remove(id) {
      if (!find(id)) return false;
      cancelRetries(id);
      integrations = integrations.filter((integration) => integration.id !== id);
      changed();
      return true;
    },

    findByUrl(url, exceptId) {
      const wanted = normalizeUrl(url);
      const match = integrations.find(
        (integration) =>
          integration.id !== exceptId &&
          integration.url !== undefined &&
          normalizeUrl(integration.url) === wanted,
      );
      return match && structuredClone(match);
    },

    test(id) {
      const integration = findWebhook(id);
      if (!integration) return undefined;
      const { url, answered } = sendTestMessage(integration, 'test');
      changed();
      return answered
        ? { testStatus: 'SUCCESS', message: 'Test was successful' }
        : {
            testStatus: 'FAILURE',
            message: `Test message could not be delivered: ${url} did not answer within ${RESPONSE_TIMEOUT_S} s`,
          };
    },

    restart(id) {
      const integration = findWebhook(id);
      if (!integration) return undefined;
      cancelRetries(id);
      const { url, answered } = sendTestMessage(integration, 'restart');
      if (answered) {
        if (integration.state !== 'INTEGRATION_ACTIVE' || integration.error !== undefined) {
          integration.state = 'INTEGRATION_ACTIVE';
          delete integration.error;
          integration.updatedTime = iso();
        }
      } else if (integration.state === 'INTEGRATION_FAILED') {
        integration.error = `CloudIntegrator[IntegrationDisabled]: restart test message to ${url} failed: no answer within ${RESPONSE_TIMEOUT_S} s`;
        integration.updatedTime = iso();
      }
      changed();
      // The spec's RestartResult.integration is a list item without jsonPayloadEnabled.
      const { jsonPayloadEnabled: _omitted, ...summary } = toListItem(integration);
      return {
        restartStatus: answered ? 'SUCCESS' : 'FAILURE',
        message: answered
          ? 'Restart was successful'
          : `Restart failed: test message could not be delivered: ${url} did not answer within ${RESPONSE_TIMEOUT_S} s`,
        integration: structuredClone(summary),
      };
    },

    sendDeviceMessage(eventType, device = EXAMPLE_DEVICE) {
      const receivers = byNewest(integrations).filter(
        (integration) =>
          integration.type === 'WEBHOOK' &&
          integration.state !== 'INTEGRATION_FAILED' &&
          isSubscribed(integration, eventType),
      );
      const logged = receivers.flatMap((integration) =>
        attemptDelivery(integration.id, eventType, { ...device }, 1),
      );
      changed();
      return structuredClone(logged);
    },

    log: () => structuredClone(entries),

    adminLogs: () => adminLogs.list(),

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    reset() {
      cancelRetries();
      integrations = seedIntegrations();
      entries = [];
      adminLogs.reset();
      changed();
    },

    persistTo(storage, key = DEFAULT_STORAGE_KEY) {
      persist(storage, key);
    },
  };
}

export const db = createDb();

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
