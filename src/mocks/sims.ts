import { http, HttpResponse } from 'msw';
import { latency } from '@/mocks/latency';
import { apiError, paginate, parsePaging } from '@/mocks/validation';
import { EXAMPLE_DEVICE } from '@/placeholders/preview';
import type { Sim } from '@/sims/schemas';
import { luhnCheckDigit } from '@/sims/search';

// The simulated fleet and GET /v1/sims, GET /v1/sims/{iccid} as SIM Management v2.0 describes
// them: a bare array paged by X-* headers, `q` filters on imei and ip_address only, `sort` on
// the same two. Static (nothing in the console changes a SIM), so it needs no place in db.ts.

export const SIMULATED_SIM_COUNT = 150;
/**
 * One SIM of the fleet is the Preview's example device (and the demo's device messages come
 * from it), "Cold-chain truck 12". The rest are numbered around its ICCID and IMSI, as SIMs of
 * one order are.
 */
const EXAMPLE_INDEX = 66;

const DISTRICTS = ['Altona', 'Eimsbüttel', 'Harburg', 'Wandsbek', 'Bergedorf'];
const RIVERS = ['Elbe', 'Alster', 'Bille'];
const SITES = ['Hbf', 'Dammtor', 'Airport', 'Harbour', 'Messe', 'Campus'];

function labelFor(index: number): string | undefined {
  // A few SIMs nobody labelled in the portal.
  if (index % 23 === 11) return undefined;
  const k = Math.floor(index / 6);
  switch (index % 6) {
    case 0:
      return `Cold-chain truck ${k + 1}`;
    case 1:
      return `Pallet tracker ${String(404 + k * 13).padStart(4, '0')}`;
    case 2:
      return `Smart meter ${DISTRICTS[k % DISTRICTS.length]}-${k + 1}`;
    case 3:
      return `Parking sensor P${(k % 4) + 1}-${10 + k}`;
    case 4:
      return `Water level gauge ${RIVERS[k % RIVERS.length]} ${k + 1}`;
    default:
      return `Vending machine ${SITES[k % SITES.length]} ${k + 1}`;
  }
}

// The example device's address as a number 0–499 of 10.203.50.1–10.203.51.250.
const EXAMPLE_IP_NUMBER = (() => {
  const [, , third, fourth] = EXAMPLE_DEVICE.ip.split('.').map(Number);
  return (third! - 50) * 250 + (fourth! - 1);
})();

/** Unique for index < 500 (37 and 500 are coprime), scattered over 10.203.50.1–10.203.51.250. */
function ipFor(index: number): string {
  const n = (((EXAMPLE_IP_NUMBER + (index - EXAMPLE_INDEX) * 37) % 500) + 500) % 500;
  return `10.203.${50 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}

// ICCIDs have 19 digits, past what a number holds exactly.
const aroundExample = (value: string, index: number) =>
  String(BigInt(value) + BigInt(index - EXAMPLE_INDEX));

function activationDate(index: number): string {
  const date = new Date(Date.UTC(2024, 0, 8, 7, 59, 9) + index * 2.3 * 86_400_000);
  // 1NCE's form: `2018-03-09T07:59:09.000+0000`, not ISO-8601's `Z` or `+00:00`.
  return date.toISOString().replace('Z', '+0000');
}

const QUOTA_OK = { id: 0, description: 'More than 20% of the quota available' };

export function simulatedSim(index: number): Sim {
  const iccid = aroundExample(EXAMPLE_DEVICE.iccid, index);
  const imsi = aroundExample(EXAMPLE_DEVICE.imsi, index);
  const label = labelFor(index);
  return {
    iccid,
    iccid_with_luhn: iccid + luhnCheckDigit(iccid),
    imsi,
    imsi_2: `9014055${imsi.slice(7)}`,
    current_imsi: imsi,
    msisdn: `882285${imsi.slice(6)}`,
    imei: `35${String(8720310000000 + index * 7919).padStart(13, '0')}`,
    imei_lock: index % 4 === 0,
    status: index % 19 === 4 ? 'Disabled' : 'Enabled',
    activation_date: activationDate(index),
    ip_address: ipFor(index),
    current_quota: 500,
    quota_status: QUOTA_OK,
    current_quota_SMS: 250,
    quota_status_SMS: QUOTA_OK,
    ...(label === undefined ? {} : { label }),
  };
}

/** `count` SIMs of the same shape; tests use a larger fleet than the demo's. */
export function simulatedFleet(count = SIMULATED_SIM_COUNT): Sim[] {
  return Array.from({ length: count }, (_, index) => simulatedSim(index));
}

export const EXAMPLE_SIM = simulatedSim(EXAMPLE_INDEX);

const FILTERS = ['imei', 'ip_address'] as const;
type Filter = (typeof FILTERS)[number];
const isFilter = (name: string): name is Filter => (FILTERS as readonly string[]).includes(name);

/** Compares IPv4 addresses by number, other text as text. */
function compareField(a: string | undefined, b: string | undefined): number {
  const key = (value = '') =>
    /^\d+(\.\d+){3}$/.test(value)
      ? value
          .split('.')
          .map((octet) => octet.padStart(3, '0'))
          .join('.')
      : value;
  return key(a).localeCompare(key(b));
}

function listSims(fleet: Sim[], search: URLSearchParams): Response {
  const paging = parsePaging(search, { defaultPageSize: 10, maxPageSize: 100 });
  if (paging.errors) return apiError(400, paging.errors);
  const { page, pageSize } = paging;

  let sims = fleet;
  for (const criterion of (search.get('q') ?? '').split(',').filter(Boolean)) {
    const colon = criterion.indexOf(':');
    const name = criterion.slice(0, colon);
    if (colon < 0 || !isFilter(name)) {
      return apiError(400, [
        {
          property: 'q',
          message: `Unknown filter "${criterion}": use imei:<value> or ip_address:<value>`,
        },
      ]);
    }
    const value = criterion.slice(colon + 1);
    sims = sims.filter((sim) => sim[name] === value);
  }

  const sorts = (search.get('sort') ?? '').split(',').filter(Boolean);
  for (const sort of sorts) {
    if (!isFilter(sort.replace(/^-/, ''))) {
      return apiError(400, [
        {
          property: 'sort',
          message: `Cannot sort by "${sort}": use imei or ip_address, - for descending`,
        },
      ]);
    }
  }
  if (sorts.length > 0) {
    sims = [...sims].sort((a, b) => {
      for (const sort of sorts) {
        const field = sort.replace(/^-/, '') as Filter;
        const order = compareField(a[field], b[field]) * (sort.startsWith('-') ? -1 : 1);
        if (order !== 0) return order;
      }
      return 0;
    });
  }

  const { items, pages } = paginate(sims, page, pageSize);
  return HttpResponse.json(items, {
    headers: {
      'X-Count-Per-Page': String(pageSize),
      'X-Current-Page': String(page),
      'X-Total-Count': String(sims.length),
      'X-Total-Pages': String(pages),
    },
  });
}

function getSim(fleet: Sim[], iccid: string): Response {
  if (!/^\d{19,20}$/.test(iccid)) {
    return apiError(400, [
      { property: 'iccid', message: 'iccid must be 19 digits, or 20 with the check digit' },
    ]);
  }
  const sim = fleet.find((item) =>
    iccid.length === 19 ? item.iccid === iccid : item.iccid_with_luhn === iccid,
  );
  return sim
    ? HttpResponse.json(sim)
    : apiError(404, [{ property: 'iccid', message: `No SIM with ICCID ${iccid}` }]);
}

/** The two SIM reads the console makes, over `fleet`; a test can serve another fleet. */
export function createSimHandlers(fleet: Sim[]) {
  return [
    http.get('*/v1/sims', async ({ request }) => {
      await latency();
      return listSims(fleet, new URL(request.url).searchParams);
    }),
    http.get<{ iccid: string }>('*/v1/sims/:iccid', async ({ params }) => {
      await latency();
      return getSim(fleet, params.iccid);
    }),
  ];
}

export const simHandlers = createSimHandlers(simulatedFleet());
