export const MAX_ATTEMPTS = 5;
const LOG_CAP = 100;

type DeliveryOutcome = 'delivered' | 'failed' | 'disabled';

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

type DeliveryFields = Pick<
  DeliveryLogEntry,
  'eventType' | 'attempt' | 'outcome' | 'url' | 'detail' | 'nextAttemptInMs'
>;

/** Every delivery attempt, newest first, capped at the last LOG_CAP. */
export interface DeliveryLog {
  entries(): DeliveryLogEntry[];
  has(id: string): boolean;
  record(integration: { id: string; name: string }, fields: DeliveryFields): DeliveryLogEntry;
  reset(): void;
  restore(entries: DeliveryLogEntry[]): void;
}

export function createDeliveryLog({
  now,
  newId,
}: {
  now: () => Date;
  newId: () => string;
}): DeliveryLog {
  let entries: DeliveryLogEntry[] = [];

  return {
    entries: () => entries,
    has: (id) => entries.some((entry) => entry.id === id),

    record(integration, fields) {
      const entry: DeliveryLogEntry = {
        id: newId(),
        at: now().toISOString(),
        integrationId: integration.id,
        integrationName: integration.name,
        maxAttempts: MAX_ATTEMPTS,
        ...fields,
      };
      entries.unshift(entry);
      if (entries.length > LOG_CAP) entries.length = LOG_CAP;
      return entry;
    },

    reset() {
      entries = [];
    },

    restore(stored) {
      entries = stored;
    },
  };
}
