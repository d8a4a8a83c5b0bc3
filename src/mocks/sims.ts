import { http, HttpResponse } from 'msw';
import type { Sim } from '@/sims/schemas';
import { luhnCheckDigit } from '@/sims/search';
import { latency } from '@/mocks/latency';

// The simulated fleet and GET /v1/sims, GET /v1/sims/{iccid} as SIM Management v2.0 describes
// them: a bare array paged by X-* headers, `q` filters on imei and ip_address only, `sort` on
// the same two. Static (nothing in the console changes a SIM), so it needs no place in db.ts.

export const SIMULATED_SIM_COUNT = 150;
/**
 * One SIM of the fleet is the Preview's example device (and the demo's device messages come
 * from it): ICCID 8988228066612345678, IMSI 901405100012345, IP 10.203.51.17, "Cold-chain
 * truck 12". The rest are numbered around it, as SIMs of one order are.
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

/** Unique for index < 500 (37 and 500 are coprime), scattered over 10.203.50.1–10.203.51.250. */
function ipFor(index: number): string {
  const n = (index * 37 + 324) % 500;
  return `10.203.${50 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}

function activationDate(index: number): string {
  const date = new Date(Date.UTC(2024, 0, 8, 7, 59, 9) + index * 2.3 * 86_400_000);
  // 1NCE's form: `2018-03-09T07:59:09.000+0000`, not ISO-8601's `Z` or `+00:00`.
  return date.toISOString().replace('Z', '+0000');
}

const QUOTA_OK = { id: 0, description: 'More than 20% of the quota available' };

export function simulatedSim(index: number): Sim {
  const iccid = `898822806661${2345612 + index}`;
  const imsi = String(901405100012279 + index);
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

const STATUS_TEXT = { 400: 'Bad Request', 404: 'Not Found' } as const;

function apiError(statusCode: keyof typeof STATUS_TEXT, property: string, message: string) {
  return HttpResponse.json(
    { statusCode, statusText: STATUS_TEXT[statusCode], errors: [{ property, message }] },
    { status: statusCode },
  );
}

const FILTERS = ['imei', 'ip_address'] as const;
type Filter = (typeof FILTERS)[number];
const isFilter = (name: string): name is Filter => (FILTERS as readonly string[]).includes(name);

function integer(raw: string | null, fallback: number, min: number, max = Infinity) {
  if (raw === null) return fallback;
  const value = Number(raw);
  return /^\d+$/.test(raw) && value >= min && value <= max ? value : undefined;
}

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
  const page = integer(search.get('page'), 1, 1);
  if (page === undefined) {
    return apiError(400, 'page', `page must be an integer of at least 1`);
  }
  const pageSize = integer(search.get('pageSize'), 10, 1, 100);
  if (pageSize === undefined) {
    return apiError(400, 'pageSize', `pageSize must be an integer from 1 to 100`);
  }

  let sims = fleet;
  for (const criterion of (search.get('q') ?? '').split(',').filter(Boolean)) {
    const colon = criterion.indexOf(':');
    const name = criterion.slice(0, colon);
    if (colon < 0 || !isFilter(name)) {
      return apiError(
        400,
        'q',
        `Unknown filter "${criterion}": use imei:<value> or ip_address:<value>`,
      );
    }
    const value = criterion.slice(colon + 1);
    sims = sims.filter((sim) => sim[name] === value);
  }

  const sorts = (search.get('sort') ?? '').split(',').filter(Boolean);
  for (const sort of sorts) {
    if (!isFilter(sort.replace(/^-/, ''))) {
      return apiError(
        400,
        'sort',
        `Cannot sort by "${sort}": use imei or ip_address, - for descending`,
      );
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

  const start = (page - 1) * pageSize;
  return HttpResponse.json(sims.slice(start, start + pageSize), {
    headers: {
      'X-Count-Per-Page': String(pageSize),
      'X-Current-Page': String(page),
      'X-Total-Count': String(sims.length),
      'X-Total-Pages': String(Math.ceil(sims.length / pageSize)),
    },
  });
}

function getSim(fleet: Sim[], iccid: string): Response {
  if (!/^\d{19,20}$/.test(iccid)) {
    return apiError(400, 'iccid', 'iccid must be 19 digits, or 20 with the check digit');
  }
  const sim = fleet.find((item) =>
    iccid.length === 19 ? item.iccid === iccid : item.iccid_with_luhn === iccid,
  );
  return sim ? HttpResponse.json(sim) : apiError(404, 'iccid', `No SIM with ICCID ${iccid}`);
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
