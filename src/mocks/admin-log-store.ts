import { z } from 'zod';
import { EXAMPLE_DEVICE } from '@/placeholders/preview';

// Kept as 1NCE keeps them: a week, then gone.
const ADMIN_LOG_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const CUSTOMER_ID = '10074356';
const HOUR = 60 * 60 * 1000;

const INTEGRATION_DISABLED = 'CloudIntegrator[IntegrationDisabled]';
const PLUGIN_DISABLED = 'CloudIntegrator[PluginDisabled]';

/** 1NCE's wording (operations-api.md): the id and name are only in this sentence. */
const disabledDescription = (id: string, name: string) =>
  `Integration with ID ${id} and name "${name}" was disabled due to consecutive failed requests.`;

// What the simulation writes (a subset of the spec's getAdministrationLogsResponseschema_items_inner),
// checked when the demo reads it back from sessionStorage: a copy that does not match is dropped
// with the rest of the state.
const storedAdminLogSchema = z.object({
  id: z.string().min(1),
  customerId: z.string(),
  message: z.string(),
  timestamp: z.iso.datetime(),
  type: z.string(),
  category: z.string().optional(),
  description: z.string().optional(),
  integrationId: z.string().optional(),
  iccid: z.string().optional(),
  imsi: z.string().optional(),
  ip: z.string().optional(),
});
export const storedAdminLogsSchema = z.array(storedAdminLogSchema);
export type StoredAdminLog = z.infer<typeof storedAdminLogSchema>;

const COLD_CHAIN = { id: 'AP3dIUs3c7_Oo2yJYaXWg', name: 'Cold-chain alerts' };
const PARKING = { id: 'c1RfZp7_HsWq3aJmV9yTo', name: 'Parking sensors (JSON)' };

/**
 * Hours before `now`. Like 1NCE's own example, the seeded disabled entries carry the integration
 * only in the description (no integrationId), so the demo exercises the console's parsing.
 */
const SEED: readonly (Omit<StoredAdminLog, 'id' | 'customerId' | 'timestamp'> & {
  hoursAgo: number;
})[] = [
  { hoursAgo: 3, ...disabled(COLD_CHAIN) },
  {
    hoursAgo: 9,
    type: 'LIFECYCLE',
    category: 'info',
    message: 'Device registered for the first time',
    ...EXAMPLE_DEVICE,
  },
  {
    hoursAgo: 27,
    type: 'INTEGRATION',
    category: 'error',
    message: PLUGIN_DISABLED,
    description: 'One of your plugins has failed.',
  },
  { hoursAgo: 30, ...disabled(COLD_CHAIN) },
  {
    hoursAgo: 52,
    type: 'DEVICE',
    category: 'error',
    message: 'UDP message could not be parsed as JSON',
    ...EXAMPLE_DEVICE,
  },
  { hoursAgo: 101, ...disabled(PARKING) },
  { hoursAgo: 140, ...disabled(COLD_CHAIN) },
];

function disabled({ id, name }: { id: string; name: string }) {
  return {
    type: 'INTEGRATION',
    category: 'error',
    message: INTEGRATION_DISABLED,
    description: disabledDescription(id, name),
  };
}

export interface AdminLogStore {
  /** The last 7 days, newest first: what the API serves and what db persists. */
  list(): StoredAdminLog[];
  /** What 1NCE logs when it sets an integration to INTEGRATION_FAILED. */
  integrationDisabled(integration: { id: string; name: string }): void;
  reset(): void;
  restore(logs: StoredAdminLog[]): void;
}

export function createAdminLogStore({
  now,
  randomId,
}: {
  now: () => Date;
  randomId: () => string;
}): AdminLogStore {
  let logs: StoredAdminLog[] = [];

  const seed = () => {
    const nowMs = now().getTime();
    logs = SEED.map(({ hoursAgo, ...fields }) => ({
      id: randomId(),
      customerId: CUSTOMER_ID,
      timestamp: new Date(nowMs - hoursAgo * HOUR).toISOString(),
      ...fields,
    }));
  };

  seed();

  return {
    // Older entries are left out here, where they are read, rather than deleted as time passes.
    list() {
      const oldest = now().getTime() - ADMIN_LOG_RETENTION_MS;
      return logs
        .filter((log) => Date.parse(log.timestamp) >= oldest)
        .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
    },

    integrationDisabled({ id, name }) {
      // Unlike the seed, these fill integrationId as well: the console reads either.
      logs.push({
        id: randomId(),
        customerId: CUSTOMER_ID,
        timestamp: now().toISOString(),
        type: 'INTEGRATION',
        category: 'error',
        message: INTEGRATION_DISABLED,
        description: disabledDescription(id, name),
        integrationId: id,
      });
    },

    reset: seed,
    restore(stored) {
      logs = stored;
    },
  };
}
