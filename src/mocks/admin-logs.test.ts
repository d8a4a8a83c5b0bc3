import { createDb } from '@/mocks/db';
import { DEFAULT_STORAGE_KEY } from '@/mocks/persistence';
import { parseLogFilter } from '@/mocks/admin-logs';

const API = 'http://localhost/management-api/v1/administrationLogs';
const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg';
const LEGACY_MES = 'bS6nM1-cV4xZ8lK2jH0gF';
const DISABLED = 'CloudIntegrator[IntegrationDisabled]';
const HOUR = 3_600_000;

// The shared MSW server and the db reset come from src/test/setup.ts.
async function get(query: Record<string, string> = {}) {
  const response = await fetch(`${API}?${new URLSearchParams(query).toString()}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as any };
}

const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

describe('GET /v1/administrationLogs', () => {
  it('answers {page, pageAmount, items} newest first, 10 a page by default', async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, pageAmount: 1 });
    const times = body.items.map((item: { timestamp: string }) => Date.parse(item.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.items.length).toBeGreaterThan(5);
  });

  it('seeds the failed webhook with disabled entries named only in the description, and a plugin failure', async () => {
    const { body } = await get({ q: `type:INTEGRATION,category:error,startDateTime:${ago(168)}` });
    const coldChain = body.items.filter((item: { description?: string }) =>
      item.description?.startsWith(
        `Integration with ID ${COLD_CHAIN} and name "Cold-chain alerts"`,
      ),
    );
    expect(coldChain).toHaveLength(3);
    for (const item of coldChain) {
      expect(item).toMatchObject({ type: 'INTEGRATION', category: 'error', message: DISABLED });
      expect(item).not.toHaveProperty('integrationId');
      expect(item).toEqual(
        expect.objectContaining({ id: expect.any(String), customerId: expect.any(String) }),
      );
    }
    expect(
      body.items.filter(
        (item: { message: string }) => item.message === 'CloudIntegrator[PluginDisabled]',
      ),
    ).toHaveLength(1);
    expect(body.items.every((item: { type: string }) => item.type === 'INTEGRATION')).toBe(true);
  });

  it.each<[string, Record<string, string>, (item: Record<string, string>) => boolean]>([
    [
      'type and category, any case',
      { q: 'type:integration,category:ERROR' },
      (item) => item.type === 'INTEGRATION' && item.category === 'error',
    ],
    ['type DEVICE', { q: 'type:DEVICE' }, (item) => item.type === 'DEVICE'],
    ['category info', { q: 'category:info' }, (item) => item.category === 'info'],
    ['iccid', { q: 'iccid:8988228066612345678' }, (item) => item.iccid === '8988228066612345678'],
    [
      'startDateTime',
      { q: `startDateTime:${ago(28)}` },
      (item) => Date.parse(item.timestamp!) >= Date.now() - 28 * HOUR,
    ],
    [
      'endDateTime',
      { q: `endDateTime:${ago(28)}` },
      (item) => Date.parse(item.timestamp!) <= Date.now() - 28 * HOUR,
    ],
  ])('filters by %s', async (_name, query, expected) => {
    const all = (await get({ pageSize: '25' })).body.items as Record<string, string>[];
    const { status, body } = await get({ ...query, pageSize: '25' });
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items).toEqual(all.filter(expected));
  });

  it('pages with page and pageSize, and answers an empty page past the end', async () => {
    const all = (await get({ pageSize: '25' })).body.items;
    const second = await get({ page: '2', pageSize: '2' });
    expect(second.body).toEqual({
      page: 2,
      pageAmount: Math.ceil(all.length / 2),
      items: all.slice(2, 4),
    });
    expect((await get({ page: '50', pageSize: '2' })).body).toMatchObject({ page: 50, items: [] });
  });

  it.each([
    [{ page: '0' }, 'page'],
    [{ page: '51' }, 'page'],
    [{ page: 'two' }, 'page'],
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageSize: '26' }, 'pageSize'],
    [{ q: 'type' }, 'q'],
    [{ q: 'type:' }, 'q'],
    [{ q: 'type:INTEGRATION,' }, 'q'],
    [{ q: 'integrationId:abc' }, 'q'],
    [{ q: 'type:WEBHOOK' }, 'q'],
    [{ q: 'category:warning' }, 'q'],
    [{ q: 'type:DEVICE,type:INTEGRATION' }, 'q'],
    [{ q: 'startDateTime:2026-11-16' }, 'q'],
    [{ q: 'startDateTime:yesterday' }, 'q'],
    [{ q: 'startDateTime:2026-11-20T00:00:00.000Z,endDateTime:2026-11-19T00:00:00.000Z' }, 'q'],
  ])('refuses %j with a 400 naming %s', async (query, property) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body).toEqual({
      statusCode: 400,
      statusText: 'Bad Request',
      errors: [{ property, message: expect.any(String) }],
    });
  });
});

describe('parseLogFilter', () => {
  it('splits at the first colon only, so a date keeps its own', () => {
    expect(
      parseLogFilter('type:INTEGRATION,category:error,startDateTime:2026-11-16T00:00:00.000Z'),
    ).toEqual({
      filter: { type: 'INTEGRATION', category: 'error', startDateTime: '2026-11-16T00:00:00.000Z' },
    });
    expect(parseLogFilter('')).toEqual({ filter: {} });
  });
});

describe('administration logs in the demo db', () => {
  const START = new Date('2026-11-22T12:00:00.000Z');
  let clock: Date;
  beforeEach(() => {
    clock = START;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());
  const makeDb = () => createDb({ now: () => clock, retryDelaysMs: [10, 10, 10, 10] });

  it('writes an IntegrationDisabled entry, with integrationId, when a webhook turns Failed', async () => {
    const demo = makeDb();
    const before = demo.adminLogs().length;
    demo.sendDeviceMessage('LIFECYCLE');
    await vi.runAllTimersAsync();
    expect(demo.get(LEGACY_MES)?.state).toBe('INTEGRATION_FAILED');
    const logs = demo.adminLogs();
    expect(logs).toHaveLength(before + 1);
    expect(logs[0]).toEqual({
      id: expect.any(String),
      customerId: expect.any(String),
      timestamp: clock.toISOString(),
      type: 'INTEGRATION',
      category: 'error',
      message: DISABLED,
      integrationId: LEGACY_MES,
      description: `Integration with ID ${LEGACY_MES} and name "Legacy MES bridge" was disabled due to consecutive failed requests.`,
    });
  });

  it('writes nothing when a restart of a Failed webhook fails, or for a Test', () => {
    const demo = makeDb();
    const before = demo.adminLogs();
    demo.patch(COLD_CHAIN, { url: 'https://down.invalid/hook' });
    demo.restart(COLD_CHAIN);
    demo.test(COLD_CHAIN);
    expect(demo.adminLogs()).toEqual(before);
  });

  it('seeds relative to now and drops what is older than 7 days', () => {
    const demo = makeDb();
    const seeded = demo.adminLogs();
    expect(Date.parse(seeded[0]!.timestamp)).toBe(START.getTime() - 3 * HOUR);
    clock = new Date(START.getTime() + 30 * HOUR);
    const later = demo.adminLogs();
    expect(later.length).toBeLessThan(seeded.length);
    for (const log of later) {
      expect(Date.parse(log.timestamp)).toBeGreaterThanOrEqual(clock.getTime() - 168 * HOUR);
    }
  });

  it('survives a reload, and reset seeds it again', async () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, value),
      removeItem: (key: string) => void data.delete(key),
    } as Storage;
    const first = makeDb();
    first.persistTo(storage);
    first.sendDeviceMessage('LIFECYCLE');
    await vi.runAllTimersAsync();

    clock = new Date(START.getTime() + HOUR);
    const second = makeDb();
    second.persistTo(storage);
    expect(second.adminLogs()).toEqual(first.adminLogs());
    expect(second.adminLogs()[0]?.integrationId).toBe(LEGACY_MES);

    second.reset();
    expect(second.adminLogs().some((log) => log.integrationId)).toBe(false);
    expect(Date.parse(second.adminLogs()[0]!.timestamp)).toBe(clock.getTime() - 3 * HOUR);
  });

  it('keeps the integrations of a copy stored before administration logs existed', () => {
    const old = makeDb();
    const stored = { version: 1, integrations: old.list(), log: [], pending: [] };
    stored.integrations[0]!.name = 'Renamed before the upgrade';
    const storage = {
      getItem: () => JSON.stringify(stored),
      setItem: () => {},
      removeItem: () => {},
    } as unknown as Storage;
    const demo = makeDb();
    demo.persistTo(storage, DEFAULT_STORAGE_KEY);
    expect(demo.list()[0]?.name).toBe('Renamed before the upgrade');
    expect(demo.adminLogs().length).toBeGreaterThan(0);
  });
});
