import { z } from 'zod';
import { readStoredJson } from '@/api/stored-json';
import type { IntegrationDetail } from '@/integrations/schemas';
import { storedAdminLogsSchema, type StoredAdminLog } from '@/mocks/admin-log-store';
import { MAX_ATTEMPTS, type DeliveryLogEntry } from '@/mocks/delivery-log';
import type { PendingRetry } from '@/mocks/retry-queue';

export const DEFAULT_STORAGE_KEY = 'integrator-console:demo';

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

/** The demo's whole state, as a reload finds it in storage. */
interface PersistedState {
  integrations: IntegrationDetail[];
  log: DeliveryLogEntry[];
  pending: PendingRetry[];
  adminLogs?: StoredAdminLog[];
}

/** The stored state, or undefined when there is none or it does not parse (it is then removed). */
export function loadState(storage: Storage, key: string): PersistedState | undefined {
  const stored = readStoredJson(storage, key, persistedSchema);
  if (!stored) {
    try {
      // A corrupt copy goes (removing one that is not there changes nothing).
      storage.removeItem(key);
    } catch {
      // Nothing to clean up if the storage cannot even be written.
    }
    return undefined;
  }
  return {
    integrations: stored.integrations as IntegrationDetail[],
    log: stored.log as DeliveryLogEntry[],
    pending: stored.pending,
    adminLogs: stored.adminLogs,
  };
}

export function saveState(storage: Storage, key: string, state: Required<PersistedState>) {
  try {
    const stored = {
      version: 1,
      integrations: state.integrations,
      log: state.log,
      pending: state.pending,
      adminLogs: state.adminLogs,
    };
    storage.setItem(key, JSON.stringify(stored));
  } catch {
    // A full or disabled storage must not break the demo; it just stops surviving reloads.
  }
}
