import type {
  IntegrationDetail,
  RestartResult,
  TestResult,
  WebhookCreate,
  WebhookPatch,
} from '@/integrations/schemas';
import { createAdminLogStore, type StoredAdminLog } from '@/mocks/admin-log-store';
import {
  createDeliverySimulation,
  DEFAULT_RETRY_DELAYS_MS,
  type Device,
  type DeviceEventType,
} from '@/mocks/delivery';
import { createDeliveryLog, type DeliveryLogEntry } from '@/mocks/delivery-log';
import { createIntegrationStore } from '@/mocks/integration-store';
import { DEFAULT_STORAGE_KEY, loadState, saveState } from '@/mocks/persistence';

interface DbOptions {
  retryDelaysMs?: readonly number[];
  now?: () => Date;
  randomId?: () => string;
}

interface Db {
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
  reload(): void;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function nanoid(size = 21): string {
  const bytes = crypto.getRandomValues(new Uint8Array(size));
  return Array.from(bytes, (byte) => ID_ALPHABET.charAt(byte & 63)).join('');
}

const copy = <T>(value: T | undefined) => value && structuredClone(value);

/**
 * The demo backend: the integrations, the delivery simulation with its log and retries, the
 * administration logs, and their copy in storage. It hands out copies only, so no caller can
 * change state without the listeners (and storage) hearing of it.
 */
export function createDb(options: DbOptions = {}): Db {
  const now = options.now ?? (() => new Date());
  const randomId = options.randomId ?? (() => nanoid());
  const listeners = new Set<() => void>();
  let save: (() => void) | undefined;
  let read: (() => ReturnType<typeof loadState>) | undefined;

  function changed() {
    save?.();
    for (const listener of [...listeners]) listener();
  }

  /** Reports a change unless the call found nothing to change (undefined), and copies its result. */
  function afterChange<T>(result: T): T {
    if (result !== undefined) changed();
    return copy(result) as T;
  }

  // Integrations and log entries draw their ids from one space.
  const uniqueId = (): string => {
    let id = randomId();
    while (integrations.find(id) || log.has(id)) id = randomId();
    return id;
  };
  const integrations = createIntegrationStore({ now, newId: uniqueId });
  const log = createDeliveryLog({ now, newId: uniqueId });
  const adminLogs = createAdminLogStore({ now, randomId });
  const delivery = createDeliverySimulation({
    integrations,
    log,
    adminLogs,
    now,
    randomId,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    onRetry: changed,
  });

  return {
    list: () => structuredClone(integrations.byNewest()),
    get: (id) => copy(integrations.find(id)),
    create: (input) => afterChange(integrations.create(input)),
    patch: (id, patch) => afterChange(integrations.patch(id, patch)),

    remove(id) {
      if (!integrations.find(id)) return false;
      delivery.retries.cancel(id);
      integrations.remove(id);
      changed();
      return true;
    },

    findByUrl: (url, exceptId) => copy(integrations.findByUrl(url, exceptId)),
    test: (id) => afterChange(delivery.test(id)),
    restart: (id) => afterChange(delivery.restart(id)),
    sendDeviceMessage: (eventType, device) =>
      afterChange(delivery.sendDeviceMessage(eventType, device)),
    log: () => structuredClone(log.entries()),
    adminLogs: () => adminLogs.list(),

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    reset() {
      delivery.retries.cancel();
      integrations.reset();
      log.reset();
      adminLogs.reset();
      changed();
    },

    persistTo(storage, key = DEFAULT_STORAGE_KEY) {
      read = () => loadState(storage, key);
      const stored = read();
      save = () =>
        saveState(storage, key, {
          integrations: integrations.all(),
          log: log.entries(),
          pending: delivery.retries.pending(),
          adminLogs: adminLogs.list(),
        });
      if (stored) {
        delivery.retries.cancel();
        integrations.restore(stored.integrations);
        log.restore(stored.log);
        if (stored.adminLogs) adminLogs.restore(stored.adminLogs);
        delivery.resume(stored.pending);
      }
      changed();
    },

    /**
     * Takes the copy another tab of the demo stored (the page hears of it by a `storage` event).
     * Nothing is written back: storage already holds it, and a write would echo to that tab.
     * This tab's own pending retries go on; the other tab runs its own.
     */
    reload() {
      if (!read) return;
      const stored = read();
      if (stored) {
        integrations.restore(stored.integrations);
        log.restore(stored.log);
        if (stored.adminLogs) adminLogs.restore(stored.adminLogs);
      } else {
        integrations.reset();
        log.reset();
        adminLogs.reset();
      }
      for (const listener of [...listeners]) listener();
    },
  };
}

export const db = createDb();
