import { EXAMPLE_DEVICE } from '@/placeholders/preview';
import { EXAMPLE_SIM, SIMULATED_SIM_COUNT, simulatedFleet } from '@/mocks/sims';
import { simListSchema, type Sim } from '@/sims/schemas';

// Served by the shared MSW server (src/test/setup.ts), as the console and the stand-in get it.
const API = 'http://localhost/management-api/v1/sims';

async function get(path: string) {
  const response = await fetch(`${API}${path}`);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const paging = (headers: Headers) =>
  ['x-count-per-page', 'x-current-page', 'x-total-count', 'x-total-pages'].map((name) =>
    headers.get(name),
  );

describe('the simulated fleet', () => {
  const fleet = simulatedFleet();

  it('is about 150 plausible 1NCE SIMs, all different', () => {
    expect(fleet).toHaveLength(SIMULATED_SIM_COUNT);
    for (const sim of fleet) {
      expect(sim.iccid).toMatch(/^8988\d{15}$/);
      expect(sim.iccid_with_luhn).toMatch(new RegExp(`^${sim.iccid}\\d$`));
      expect(sim.imsi).toMatch(/^901405\d{9}$/);
      expect(sim.ip_address).toMatch(/^10\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
      expect(sim.activation_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0000$/);
    }
    for (const key of ['iccid', 'imsi', 'ip_address', 'imei'] as const) {
      expect(new Set(fleet.map((sim) => sim[key])).size).toBe(fleet.length);
    }
    const labels = fleet.flatMap((sim) => (sim.label ? [sim.label] : []));
    expect(new Set(labels).size).toBe(labels.length);
    expect(fleet.length - labels.length).toBeGreaterThanOrEqual(3);
    expect(fleet.filter((sim) => sim.status === 'Disabled').length).toBeGreaterThanOrEqual(3);
    expect(labels).toEqual(expect.arrayContaining(['Cold-chain truck 12', 'Pallet tracker 0417']));
  });

  it('holds the Preview’s example device, which the demo’s device messages come from', () => {
    expect(EXAMPLE_SIM).toMatchObject({
      iccid: EXAMPLE_DEVICE.iccid,
      // Its Luhn check digit, worked out by hand (src/sims/search.test.ts tests the function).
      iccid_with_luhn: '89882280666123456786',
      imsi: EXAMPLE_DEVICE.imsi,
      ip_address: EXAMPLE_DEVICE.ip,
      label: 'Cold-chain truck 12',
      status: 'Enabled',
    });
    expect(fleet).toContainEqual(EXAMPLE_SIM);
  });
});

describe('GET /v1/sims', () => {
  it('answers a bare array of SIM_card, 10 by default, with the paging headers', async () => {
    const { status, headers, body } = await get('');
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
    expect(body).toHaveLength(10);
    expect(paging(headers)).toEqual(['10', '1', '150', '15']);
    expect(simListSchema.parse(body)).toEqual(body);
  });

  it('pages by page and pageSize up to 100; a page past the end is empty', async () => {
    const first = await get('?page=1&pageSize=100');
    const second = await get('?page=2&pageSize=100');
    const past = await get('?page=3&pageSize=100');
    expect(first.body).toHaveLength(100);
    expect(second.body).toHaveLength(50);
    expect(paging(second.headers)).toEqual(['100', '2', '150', '2']);
    expect(past.body).toEqual([]);
    expect([...first.body, ...second.body]).toEqual(simulatedFleet());
  });

  it.each([
    ['?page=0', 'page'],
    ['?page=x', 'page'],
    ['?pageSize=0', 'pageSize'],
    ['?pageSize=101', 'pageSize'],
    ['?pageSize=1.5', 'pageSize'],
    ['?q=iccid:8988228066612345678', 'q'],
    ['?q=label', 'q'],
    ['?sort=label', 'sort'],
  ])('%s is a 400 in 1NCE’s error shape naming %s', async (query, property) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, statusText: 'Bad Request' });
    expect(body.errors[0].property).toBe(property);
  });

  it('filters by ip_address and imei with q', async () => {
    const byIp = await get(`?q=ip_address:${EXAMPLE_DEVICE.ip}`);
    expect(byIp.body).toEqual([EXAMPLE_SIM]);
    expect(paging(byIp.headers)).toEqual(['10', '1', '1', '1']);
    const both = await get(`?q=ip_address:${EXAMPLE_DEVICE.ip},imei:${EXAMPLE_SIM.imei}`);
    expect(both.body).toEqual([EXAMPLE_SIM]);
    const none = await get('?q=ip_address:10.0.0.1');
    expect(none.body).toEqual([]);
    expect(paging(none.headers)).toEqual(['10', '1', '0', '0']);
  });

  it('sorts by ip_address (as numbers) and imei, - for descending', async () => {
    const ascending = (await get('?sort=ip_address&pageSize=100')).body as Sim[];
    const numeric = (ip = '') => ip.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
    const ips = ascending.map((sim) => numeric(sim.ip_address));
    expect(ips).toEqual([...ips].sort((a, b) => a - b));
    // Not as text, where 10.203.50.100 would come before 10.203.50.2.
    expect(ascending.map((sim) => sim.ip_address)).not.toEqual(
      ascending.map((sim) => sim.ip_address).sort(),
    );
    const descending = (await get('?sort=-imei&pageSize=3')).body as { imei: string }[];
    const imeis = descending.map((sim) => sim.imei);
    expect(imeis).toEqual([...imeis].sort().reverse());
    expect(imeis[0]).toBe(simulatedFleet().at(-1)!.imei);
  });
});

describe('GET /v1/sims/{iccid}', () => {
  it('finds a SIM by its 19-digit ICCID or the 20-digit one with the check digit', async () => {
    expect((await get(`/${EXAMPLE_SIM.iccid}`)).body).toEqual(EXAMPLE_SIM);
    expect((await get(`/${EXAMPLE_SIM.iccid_with_luhn}`)).body).toEqual(EXAMPLE_SIM);
  });

  it('answers 404 for an ICCID it does not know and 400 for one that is not 19–20 digits', async () => {
    const unknown = await get('/8988228066600000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, statusText: 'Not Found' });
    expect((await get('/898822806661')).status).toBe(400);
  });
});
