import type { WebhookCreate } from '@/integrations/schemas';
import { createDb } from '@/mocks/db';
import { endpointAnswers } from '@/mocks/delivery';
import type { DeliveryLogEntry } from '@/mocks/delivery-log';
import { DEFAULT_STORAGE_KEY } from '@/mocks/persistence';
import { seedIntegrations } from '@/mocks/seed';
import { EXAMPLE_DEVICE } from '@/placeholders/preview';

const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';
// What the default device (EXAMPLE_DEVICE) turns receiver.example.com/in/:iccid:… into.
const EXAMPLE_URL =
  'https://receiver.example.com/in/8988228066612345678?ip=10.203.51.17&imsi=901405100012345&x=:foo:';
const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg';
const WATCHDOG = 'q8Lw0bXr4TnUe2GhY6vKd';
const LEGACY_MES = 'bS6nM1-cV4xZ8lK2jH0gF';
const STAGING = 'Yh7Gt5Rf3Ed1Ws_Qa9ZxC';
const AWS = 'MzSca5vvHAfJ4MUUCfCGb';

const START = new Date('2026-11-22T12:00:00.000Z');
let clock: Date;
const tick = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

function makeDb(retryDelaysMs?: number[]) {
  return createDb({ now: () => clock, ...(retryDelaysMs && { retryDelaysMs }) });
}

function webhook(overrides: Partial<WebhookCreate> = {}): WebhookCreate {
  return {
    name: 'Test hook',
    url: 'https://receiver.example.com/hook',
    headers: {},
    eventTypes: [{ type: 'TELEMETRY_DATA' }],
    ...overrides,
  };
}

const entriesFor = (entries: DeliveryLogEntry[], integrationId: string) =>
  entries.filter((entry) => entry.integrationId === integrationId);

function fakeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const storage: Storage = {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => {
      data.delete(key);
    },
    setItem: (key, value) => {
      data.set(key, String(value));
    },
  };
  return { storage, data };
}

beforeEach(() => {
  clock = START;
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('endpointAnswers', () => {
  it.each([
    ['https://www.example.com/hook', true],
    ['https://alerts.example.com/1nce', true],
    ['https://down.invalid/hook', false],
    ['https://a.b.INVALID./x', false],
    ['https://invalid/x', false],
    ['https://invalid.example.com/x', true],
    ['not a url', false],
  ])('%s answers: %s', (url, expected) => {
    expect(endpointAnswers(url)).toBe(expected);
  });
});

describe('seed', () => {
  it('has a second page at 10 per page and the scenarios the demo needs', () => {
    const seed = seedIntegrations();
    expect(seed.length).toBeGreaterThanOrEqual(13);
    expect(new Set(seed.map((item) => item.id)).size).toBe(seed.length);
    const webhooks = seed.filter((item) => item.type === 'WEBHOOK');
    expect(new Set(webhooks.map((item) => item.url)).size).toBe(webhooks.length);
    for (const item of seed) {
      expect(item.createdTime).toMatch(/^2026-/);
      expect(typeof item.jsonPayloadEnabled).toBe('boolean');
      for (const ref of item.eventTypes) expect(ref.version).toBe('1.0.0');
      expect(item.updatedTime! >= item.createdTime!).toBe(true);
      if (item.lastSuccessfulMessageDelivery) {
        expect(item.lastSuccessfulMessageDelivery >= item.createdTime!).toBe(true);
      }
    }
    const coldChain = seed.find((item) => item.id === COLD_CHAIN);
    expect(coldChain).toMatchObject({ name: 'Cold-chain alerts', state: 'INTEGRATION_FAILED' });
    expect(endpointAnswers(coldChain?.url ?? '')).toBe(true);
    expect(seed.find((item) => item.id === AWS)).toMatchObject({
      type: 'AWS',
      state: 'ROLLOUT_STARTED',
    });
  });

  it('returns a fresh copy each call', () => {
    const first = seedIntegrations();
    first[0]!.name = 'changed';
    expect(seedIntegrations()[0]!.name).not.toBe('changed');
  });
});

describe('createDb', () => {
  it('lists newest first and hands out copies', () => {
    const db = makeDb();
    const list = db.list();
    const times = list.map((item) => item.createdTime ?? '');
    expect(times).toEqual([...times].sort().reverse());
    list[0]!.name = 'mutated';
    const fetched = db.get(FLEET)!;
    fetched.state = 'INTEGRATION_FAILED';
    expect(db.list()[0]!.name).not.toBe('mutated');
    expect(db.get(FLEET)?.state).toBe('INTEGRATION_ACTIVE');
  });

  it('creates a webhook in ROLLOUT_DONE with versions and defaults filled in', () => {
    const db = makeDb();
    const created = db.create(
      webhook({ eventTypes: [{ type: 'LIFECYCLE' }, { type: 'ERROR', version: '1.0.0' }] }),
    );
    expect(created).toMatchObject({
      type: 'WEBHOOK',
      state: 'ROLLOUT_DONE',
      jsonPayloadEnabled: false,
      createdTime: START.toISOString(),
      updatedTime: START.toISOString(),
      eventTypes: [
        { type: 'LIFECYCLE', version: '1.0.0' },
        { type: 'ERROR', version: '1.0.0' },
      ],
    });
    expect(created.id).toMatch(/^[\w-]{21}$/);
    expect(created.lastSuccessfulMessageDelivery).toBeUndefined();
    expect(db.list()[0]!.id).toBe(created.id);
    expect(db.get(created.id)).toEqual(created);
  });

  it('patches fields, replaces headers and bumps updatedTime', () => {
    const db = makeDb();
    tick(5000);
    const patched = db.patch(FLEET, {
      headers: { 'x-api-key': 'rotated' },
      eventTypes: [{ type: 'LOCATION' }],
      jsonPayloadEnabled: true,
    });
    expect(patched).toMatchObject({
      headers: { 'x-api-key': 'rotated' },
      eventTypes: [{ type: 'LOCATION', version: '1.0.0' }],
      jsonPayloadEnabled: true,
      updatedTime: clock.toISOString(),
      state: 'INTEGRATION_ACTIVE',
    });
    expect(db.patch('nope', {})).toBeUndefined();
  });

  it('removes and finds by URL', () => {
    const db = makeDb();
    const fleetUrl = db.get(FLEET)!.url!;
    expect(db.findByUrl(fleetUrl)?.id).toBe(FLEET);
    expect(db.findByUrl(fleetUrl, FLEET)).toBeUndefined();
    expect(db.findByUrl('https://ALERTS.example.com/1nce')?.id).toBe(COLD_CHAIN);
    expect(db.remove(FLEET)).toBe(true);
    expect(db.get(FLEET)).toBeUndefined();
    expect(db.remove(FLEET)).toBe(false);
  });
});

describe('device message delivery', () => {
  it('makes the first successful delivery set lastSuccessfulMessageDelivery and ACTIVE, once', () => {
    const db = makeDb();
    const { id } = db.create(
      webhook({ url: 'https://receiver.example.com/in/:iccid:?ip=:ip:&imsi=:imsi:&x=:foo:' }),
    );
    tick(60_000);
    const logged = db.sendDeviceMessage('TELEMETRY_DATA');
    const [entry] = entriesFor(logged, id);
    expect(entry).toMatchObject({
      eventType: 'TELEMETRY_DATA',
      attempt: 1,
      maxAttempts: 5,
      outcome: 'delivered',
      url: EXAMPLE_URL,
      detail: 'HTTP 200 from receiver.example.com',
    });
    const first = clock.toISOString();
    expect(db.get(id)).toMatchObject({
      state: 'INTEGRATION_ACTIVE',
      lastSuccessfulMessageDelivery: first,
      updatedTime: first,
    });

    tick(60_000);
    db.sendDeviceMessage('TELEMETRY_DATA', { iccid: '1', imsi: '2', ip: '10.0.0.1' });
    expect(db.get(id)?.lastSuccessfulMessageDelivery).toBe(first);
    expect(entriesFor(db.log(), id).map((entry) => entry.url)).toEqual([
      'https://receiver.example.com/in/1?ip=10.0.0.1&imsi=2&x=:foo:',
      EXAMPLE_URL,
    ]);
  });

  it('only delivers to webhooks subscribed to the event type', () => {
    const db = makeDb();
    const logged = db.sendDeviceMessage('LIFECYCLE', EXAMPLE_DEVICE);
    const receivers = new Set(logged.map((entry) => entry.integrationId));
    // The seeded webhooks with Lifecycle (Rollout done ones too); not the AWS integration, which
    // has it as well, nor any without it.
    expect([...receivers].sort()).toEqual(
      [
        'Jv2cS-pPcy0NdtQ64ycZJ', // Fleet telemetry
        'W5gHj2Ka9_mPq0RtZx3Lc', // SIM onboarding (CRM)
        'xV8bN2mQ4wE6rT0yU3iPz', // Data lake archive
        'bS6nM1-cV4xZ8lK2jH0gF', // Legacy MES bridge (Rollout done)
        'pQ2wE4rT6yU8iO0aS_dFg', // Customer portal notifications
        'Yh7Gt5Rf3Ed1Ws_Qa9ZxC', // Warehouse sensors (staging) (Rollout done)
      ].sort(),
    );
    expect(receivers.has(AWS)).toBe(false);
  });

  it('gives a failed integration nothing until it is restarted', () => {
    const db = makeDb();
    const before = db.get(COLD_CHAIN);
    const logged = db.sendDeviceMessage('TELEMETRY_DATA');
    expect(entriesFor(logged, COLD_CHAIN)).toEqual([]);
    expect(db.get(COLD_CHAIN)).toEqual(before);

    db.restart(COLD_CHAIN);
    expect(entriesFor(db.sendDeviceMessage('TELEMETRY_DATA'), COLD_CHAIN)).toHaveLength(1);
  });

  it('retries an unreachable endpoint 5 times on the schedule, then fails it and reports an ERROR', async () => {
    const db = makeDb();
    const watchdog = db.create(
      webhook({
        name: 'New watchdog',
        url: 'https://pager.example.com/1nce',
        eventTypes: [{ type: 'ERROR' }],
      }),
    );
    const deadWatchdog = db.create(
      webhook({
        name: 'Dead watchdog',
        url: 'https://pager.down.invalid/1nce',
        eventTypes: [{ type: 'ERROR' }],
      }),
    );
    const { id } = db.create(webhook({ name: 'Broken', url: 'https://down.invalid/hook' }));

    const logged = entriesFor(db.sendDeviceMessage('TELEMETRY_DATA'), id);
    expect(logged).toEqual([
      expect.objectContaining({
        attempt: 1,
        outcome: 'failed',
        url: 'https://down.invalid/hook',
        nextAttemptInMs: 1000,
        detail: 'No answer within 20 s; next attempt in 1 s',
      }),
    ]);

    await vi.advanceTimersByTimeAsync(1000 + 1200 + 2800 + 6800 - 1);
    expect(db.get(id)?.state).toBe('ROLLOUT_DONE');
    expect(entriesFor(db.log(), id).map((entry) => entry.attempt)).toEqual([4, 3, 2, 1]);
    expect(entriesFor(db.log(), id)[1]).toMatchObject({
      nextAttemptInMs: 2800,
      detail: 'No answer within 20 s; next attempt in 2.8 s',
    });

    await vi.advanceTimersByTimeAsync(1);
    const failed = db.get(id);
    expect(failed?.state).toBe('INTEGRATION_FAILED');
    expect(failed?.error).toBe(
      'CloudIntegrator[IntegrationDisabled]: 5 delivery attempts to https://down.invalid/hook failed: no answer within 20 s',
    );
    expect(failed?.lastSuccessfulMessageDelivery).toBeUndefined();

    const attempts = entriesFor(db.log(), id);
    expect(attempts).toHaveLength(5);
    expect(attempts[0]).toMatchObject({
      attempt: 5,
      outcome: 'disabled',
      detail: '5 of 5 attempts failed; integration is now Failed',
    });
    expect(attempts[0]?.nextAttemptInMs).toBeUndefined();

    const errorEvents = db.log().filter((entry) => entry.eventType === 'ERROR');
    expect(errorEvents.map((entry) => entry.integrationId).sort()).toEqual(
      [WATCHDOG, watchdog.id, deadWatchdog.id].sort(),
    );
    expect(entriesFor(errorEvents, watchdog.id)[0]).toMatchObject({
      outcome: 'delivered',
      attempt: 1,
    });
    expect(entriesFor(errorEvents, deadWatchdog.id)[0]).toMatchObject({
      outcome: 'failed',
      attempt: 1,
    });
    expect(db.get(watchdog.id)?.state).toBe('INTEGRATION_ACTIVE');
    expect(db.get(deadWatchdog.id)?.state).toBe('ROLLOUT_DONE');
    expect(entriesFor(errorEvents, COLD_CHAIN)).toEqual([]);

    await vi.runAllTimersAsync();
    expect(entriesFor(db.log(), id)).toHaveLength(5);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs the whole schedule with zero delays too', async () => {
    const db = makeDb([0, 0, 0, 0]);
    db.sendDeviceMessage('LIFECYCLE');
    await vi.runAllTimersAsync();
    expect(db.get(LEGACY_MES)?.state).toBe('INTEGRATION_FAILED');
    expect(entriesFor(db.log(), LEGACY_MES)).toHaveLength(5);
  });

  it('uses the URL current at each attempt', async () => {
    const db = makeDb([0, 0, 0, 0]);
    const { id } = db.create(webhook({ url: 'https://down.invalid/hook' }));
    db.sendDeviceMessage('TELEMETRY_DATA');
    db.patch(id, { url: 'https://fixed.example.com/hook' });
    await vi.runAllTimersAsync();
    const attempts = entriesFor(db.log(), id);
    expect(attempts.map((entry) => [entry.attempt, entry.outcome, entry.url])).toEqual([
      [2, 'delivered', 'https://fixed.example.com/hook'],
      [1, 'failed', 'https://down.invalid/hook'],
    ]);
    expect(db.get(id)?.state).toBe('INTEGRATION_ACTIVE');
  });

  it('stops retrying when the integration is deleted', async () => {
    const db = makeDb();
    const { id } = db.create(webhook({ url: 'https://down.invalid/hook' }));
    db.sendDeviceMessage('TELEMETRY_DATA');
    await vi.advanceTimersByTimeAsync(1000);
    expect(entriesFor(db.log(), id)).toHaveLength(2);
    db.remove(id);
    expect(vi.getTimerCount()).toBe(0);
    await vi.runAllTimersAsync();
    expect(entriesFor(db.log(), id)).toHaveLength(2);
    expect(db.log().some((entry) => entry.eventType === 'ERROR')).toBe(false);
  });

  it('stops retrying when the integration is restarted', async () => {
    const db = makeDb();
    const { id } = db.create(webhook({ url: 'https://down.invalid/hook' }));
    db.sendDeviceMessage('TELEMETRY_DATA');
    db.restart(id);
    await vi.runAllTimersAsync();
    const attempts = entriesFor(db.log(), id);
    expect(attempts.map((entry) => entry.eventType)).toEqual(['TEST_MESSAGE', 'TELEMETRY_DATA']);
    expect(db.get(id)?.state).toBe('ROLLOUT_DONE');
  });

  it('keeps the log newest first and capped at 100', () => {
    const db = makeDb();
    for (let i = 0; i < 60; i += 1) db.test(FLEET);
    for (let i = 0; i < 60; i += 1) db.test(STAGING);
    const log = db.log();
    expect(log).toHaveLength(100);
    expect(log[0]?.integrationId).toBe(STAGING);
    expect(log.at(-1)?.integrationId).toBe(FLEET);
    expect(new Set(log.map((entry) => entry.id)).size).toBe(100);
  });
});

describe('test', () => {
  it.each([
    ['an ACTIVE webhook', FLEET, undefined, 'SUCCESS'],
    ['an ACTIVE webhook', FLEET, 'https://down.invalid/fleet', 'FAILURE'],
    ['a FAILED webhook', COLD_CHAIN, undefined, 'SUCCESS'],
    ['a FAILED webhook', COLD_CHAIN, 'https://down.invalid/cold', 'FAILURE'],
    ['a ROLLOUT_DONE webhook', STAGING, undefined, 'SUCCESS'],
    ['a ROLLOUT_DONE webhook', LEGACY_MES, undefined, 'FAILURE'],
  ])('never changes %s (%s, url %s → %s)', (_label, id, url, status) => {
    const db = makeDb();
    if (url) db.patch(id, { url });
    const before = db.get(id);
    tick(10_000);
    const result = db.test(id);
    expect(result?.testStatus).toBe(status);
    expect(db.get(id)).toEqual(before);
    expect(db.log()[0]).toMatchObject({
      integrationId: id,
      eventType: 'TEST_MESSAGE',
      attempt: 1,
      outcome: status === 'SUCCESS' ? 'delivered' : 'failed',
    });
  });

  it('reports success and failure in the API wording, placeholders resolving to none', () => {
    const db = makeDb();
    expect(db.test(FLEET)).toEqual({ testStatus: 'SUCCESS', message: 'Test was successful' });
    expect(db.log()[0]?.url).toBe(
      'https://ingest.fleetwise.example.com/1nce/devices/none/telemetry',
    );
    const { id } = db.create(webhook({ url: 'https://down.invalid/hook' }));
    expect(db.test(id)).toEqual({
      testStatus: 'FAILURE',
      message:
        'Test message could not be delivered: https://down.invalid/hook did not answer within 20 s',
    });
    expect(db.test('unknown')).toBeUndefined();
    expect(db.test(AWS)).toBeUndefined();
  });
});

describe('restart', () => {
  it('brings the seeded failed webhook back to ACTIVE without touching its first delivery', () => {
    const db = makeDb();
    const before = db.get(COLD_CHAIN)!;
    tick(1000);
    const result = db.restart(COLD_CHAIN);
    expect(result).toEqual({
      restartStatus: 'SUCCESS',
      message: 'Restart was successful',
      integration: {
        id: COLD_CHAIN,
        name: 'Cold-chain alerts',
        state: 'INTEGRATION_ACTIVE',
        type: 'WEBHOOK',
        createdTime: before.createdTime,
        updatedTime: clock.toISOString(),
        eventTypes: before.eventTypes,
        lastSuccessfulMessageDelivery: before.lastSuccessfulMessageDelivery,
      },
    });
    const after = db.get(COLD_CHAIN)!;
    expect(after.state).toBe('INTEGRATION_ACTIVE');
    expect(after).not.toHaveProperty('error');
    expect(after.lastSuccessfulMessageDelivery).toBe(before.lastSuccessfulMessageDelivery);
    expect(db.log()[0]).toMatchObject({ eventType: 'TEST_MESSAGE', outcome: 'delivered' });
  });

  it('never sets lastSuccessfulMessageDelivery', () => {
    const db = makeDb();
    db.restart(STAGING);
    expect(db.get(STAGING)).toMatchObject({ state: 'INTEGRATION_ACTIVE' });
    expect(db.get(STAGING)?.lastSuccessfulMessageDelivery).toBeUndefined();
  });

  it('fails on an unreachable endpoint and leaves a FAILED webhook FAILED', () => {
    const db = makeDb();
    db.patch(COLD_CHAIN, { url: 'https://down.invalid/hook' });
    const result = db.restart(COLD_CHAIN);
    expect(result?.restartStatus).toBe('FAILURE');
    expect(result?.message).toMatch(/down\.invalid/);
    expect(result?.integration?.state).toBe('INTEGRATION_FAILED');
    const after = db.get(COLD_CHAIN);
    expect(after?.state).toBe('INTEGRATION_FAILED');
    expect(after?.error).toMatch(/^CloudIntegrator\[IntegrationDisabled\]: .*down\.invalid/);
  });

  it('fails on an unreachable endpoint and leaves a ROLLOUT_DONE webhook unchanged', () => {
    const db = makeDb();
    const before = db.get(LEGACY_MES);
    const result = db.restart(LEGACY_MES);
    expect(result?.restartStatus).toBe('FAILURE');
    expect(db.get(LEGACY_MES)).toEqual(before);
  });

  it('ignores unknown and AWS integrations', () => {
    const db = makeDb();
    expect(db.restart('unknown')).toBeUndefined();
    expect(db.restart(AWS)).toBeUndefined();
  });
});

describe('subscribe', () => {
  it('is called after every change until unsubscribed', async () => {
    const db = makeDb([0, 0, 0, 0]);
    const listener = vi.fn();
    const unsubscribe = db.subscribe(listener);

    const { id } = db.create(webhook({ url: 'https://down.invalid/hook' }));
    expect(listener).toHaveBeenCalledTimes(1);
    db.patch(id, { jsonPayloadEnabled: true });
    db.test(id);
    db.restart(id);
    expect(listener).toHaveBeenCalledTimes(4);
    db.sendDeviceMessage('TELEMETRY_DATA');
    expect(listener).toHaveBeenCalledTimes(5);
    await vi.runAllTimersAsync();
    expect(listener).toHaveBeenCalledTimes(9);
    db.remove(id);
    db.reset();
    expect(listener).toHaveBeenCalledTimes(11);

    unsubscribe();
    db.test(FLEET);
    expect(listener).toHaveBeenCalledTimes(11);
  });
});

describe('reset', () => {
  it('restores the seed, clears the log and cancels retries', () => {
    const db = makeDb();
    const pristine = db.list();
    db.remove(FLEET);
    db.create(webhook({ url: 'https://down.invalid/hook' }));
    db.sendDeviceMessage('TELEMETRY_DATA');
    expect(vi.getTimerCount()).toBeGreaterThan(0);

    db.reset();
    expect(db.list()).toEqual(pristine);
    expect(db.log()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('persistTo', () => {
  it('round-trips integrations, the log and a pending retry through storage', async () => {
    const { storage, data } = fakeStorage();
    const first = makeDb();
    first.persistTo(storage);
    const { id } = first.create(webhook({ name: 'Persisted', url: 'https://down.invalid/hook' }));
    first.sendDeviceMessage('TELEMETRY_DATA');
    expect(data.has(DEFAULT_STORAGE_KEY)).toBe(true);

    // A reload: the old page's timers die with it.
    vi.clearAllTimers();
    const second = makeDb();
    second.persistTo(storage);
    expect(second.get(id)).toEqual(first.get(id));
    expect(second.log()).toEqual(first.log());

    await vi.advanceTimersByTimeAsync(1000);
    expect(entriesFor(second.log(), id).map((entry) => entry.attempt)).toEqual([2, 1]);
    expect(JSON.parse(data.get(DEFAULT_STORAGE_KEY)!).log[0].attempt).toBe(2);

    await vi.runAllTimersAsync();
    expect(second.get(id)?.state).toBe('INTEGRATION_FAILED');
  });

  it('runs an overdue retry immediately on load', () => {
    const { storage } = fakeStorage();
    const first = makeDb();
    first.persistTo(storage, 'custom-key');
    const { id } = first.create(webhook({ url: 'https://down.invalid/hook' }));
    first.sendDeviceMessage('TELEMETRY_DATA');
    vi.clearAllTimers();

    tick(60_000);
    const second = makeDb();
    second.persistTo(storage, 'custom-key');
    expect(entriesFor(second.log(), id).map((entry) => entry.attempt)).toEqual([2, 1]);
    expect(vi.getTimerCount()).toBe(1);
  });

  it.each([
    ['not JSON', '{oops'],
    ['the wrong shape', JSON.stringify({ version: 1, integrations: 'nope' })],
    ['an unknown version', JSON.stringify({ version: 2, integrations: [], log: [], pending: [] })],
  ])('drops %s and keeps the seed', (_label, stored) => {
    const { storage, data } = fakeStorage({ [DEFAULT_STORAGE_KEY]: stored });
    const db = makeDb();
    db.persistTo(storage);
    expect(db.list()).toHaveLength(seedIntegrations().length);
    expect(JSON.parse(data.get(DEFAULT_STORAGE_KEY)!).version).toBe(1);
  });

  it('reload takes what another tab stored, tells the listeners, and writes nothing back', () => {
    const { storage, data } = fakeStorage();
    const mine = makeDb();
    mine.persistTo(storage);
    const other = makeDb();
    other.persistTo(storage);
    const { id } = other.create(webhook({ name: 'From the other tab' }));
    const written = data.get(DEFAULT_STORAGE_KEY);
    const heard = vi.fn();
    mine.subscribe(heard);
    const setItem = vi.spyOn(storage, 'setItem');

    mine.reload();
    expect(mine.get(id)?.name).toBe('From the other tab');
    expect(heard).toHaveBeenCalledTimes(1);
    expect(setItem).not.toHaveBeenCalled();
    expect(data.get(DEFAULT_STORAGE_KEY)).toBe(written);

    // The other tab reset the demo and its copy is gone: this tab is back at the seed too.
    data.delete(DEFAULT_STORAGE_KEY);
    mine.reload();
    expect(mine.get(id)).toBeUndefined();
    expect(mine.list()).toHaveLength(seedIntegrations().length);
  });

  it('keeps working when the storage refuses writes', () => {
    const { storage } = fakeStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const db = makeDb();
    db.persistTo(storage);
    expect(() => db.create(webhook())).not.toThrow();
  });
});
