import { http, HttpResponse } from 'msw';
import type { IntegrationDetail, WebhookCreate, WebhookPatch } from '@/integrations/schemas';
import { adminLogHandlers } from '@/mocks/admin-logs';
import { db } from '@/mocks/db';
import { toListItem } from '@/mocks/integration-store';
import { latency } from '@/mocks/latency';
import { EXAMPLE_DEVICE } from '@/placeholders/preview';
import { simHandlers } from '@/mocks/sims';
import {
  apiError,
  paginate,
  parsePaging,
  validateWebhookCreate,
  validateWebhookPatch,
} from '@/mocks/validation';

// A leading wildcard matches the API whatever the origin and prefix: the browser's
// /management-api, Vitest's http://localhost/... and a proxy's rewritten path.
const BASE = '*/v1/integrate/clouds';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

// A change is made (and db persists it) before the wait, as a server commits before it answers:
// a page that reloads or navigates while the answer is on its way has still made the change.
async function answerAfterLatency(response: Response) {
  await latency();
  return response;
}

const notFound = (id: string, kind = 'integration') =>
  apiError(404, [{ property: 'integrationId', message: `No ${kind} with id "${id}"` }]);

const urlConflict = () =>
  apiError(409, [{ property: 'url', message: 'Another integration already uses this URL' }]);

type JsonBody = { ok: true; body: unknown } | { ok: false };

async function readJson(request: Request): Promise<JsonBody> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const invalidJson = () =>
  apiError(400, [{ property: 'body', message: 'Request body is not valid JSON' }]);

// The spec's create and patch responses (additionalProperties:false) carry neither
// lastSuccessfulMessageDelivery nor error; a console has to read those from GET.
function toWriteResponse(integration: IntegrationDetail) {
  const response = { ...integration };
  delete response.lastSuccessfulMessageDelivery;
  delete response.error;
  return response;
}

async function patchIntegration(request: Request, id: string, webhooksOnly: boolean) {
  const json = await readJson(request);
  if (!json.ok) return invalidJson();
  const errors = validateWebhookPatch(json.body);
  if (errors.length > 0) return apiError(400, errors);

  const existing = db.get(id);
  if (!existing || (webhooksOnly && existing.type !== 'WEBHOOK')) {
    return notFound(id, webhooksOnly ? 'webhook integration' : 'integration');
  }
  const patch = json.body as WebhookPatch;
  if (existing.type !== 'WEBHOOK') {
    const webhookOnly = (['url', 'headers'] as const).filter((key) => patch[key] !== undefined);
    if (webhookOnly.length > 0) {
      return apiError(
        400,
        webhookOnly.map((property) => ({
          property,
          message: `${property} applies to webhook integrations only`,
        })),
      );
    }
  }
  if (patch.url !== undefined && db.findByUrl(patch.url, id)) return urlConflict();

  const updated = db.patch(id, patch);
  return updated ? HttpResponse.json(toWriteResponse(updated)) : notFound(id);
}

async function postWebhook(request: Request) {
  const json = await readJson(request);
  if (!json.ok) return invalidJson();
  const errors = validateWebhookCreate(json.body);
  if (errors.length > 0) return apiError(400, errors);
  const input = json.body as WebhookCreate;
  if (db.findByUrl(input.url)) return urlConflict();
  return HttpResponse.json(toWriteResponse(db.create(input)), { status: 201 });
}

const EVENT_TYPES = [
  {
    name: 'TELEMETRY_DATA',
    description: 'Data messages that devices send over UDP, CoAP or LwM2M',
    payload: {
      id: '1-6393505d-2d27c8f14b1f4a3e6c5d9b20',
      type: 'TELEMETRY_DATA',
      received: '1767861243512',
      version: '1.0.0',
      device: EXAMPLE_DEVICE,
      source: 'UDP',
      payload: { type: 'JSON', value: { temperature: 4.2, humidity: 61 } },
    },
  },
  {
    name: 'LIFECYCLE',
    description: 'Device lifecycle events, such as a device registering for the first time',
    payload: {
      id: '1-6393505e-7b1e09c4d2a84f06b3e5c811',
      type: 'LIFECYCLE',
      received: '1767861250031',
      version: '1.0.0',
      device: EXAMPLE_DEVICE,
      lifecycle: {
        type: 'DEVICE_FIRST_TIME_REGISTERED',
        message: 'Device registered with 1NCE OS for the first time',
      },
    },
  },
  {
    name: 'ERROR',
    description: 'Errors from devices, 1NCE OS and integrations, such as a disabled integration',
    payload: {
      id: '1-6393505f-0c9d8e7f6a5b4c3d2e1f0a9b',
      type: 'ERROR',
      received: '1767861300418',
      version: '1.0.0',
      error: {
        id: 'b6f3c2a1-9e8d-4c7b-a6f5-e4d3c2b1a098',
        type: 'INTEGRATION',
        message: 'CloudIntegrator[IntegrationDisabled]',
        description:
          'Integration AP3dIUs3c7_Oo2yJYaXWg (Cold-chain alerts) was disabled after 5 failed delivery attempts',
        payloadExists: false,
      },
    },
  },
  {
    name: 'GEOFENCE',
    description: 'A device entering or leaving one of your geofences',
    payload: {
      id: '1-63935060-4e5f6a7b8c9d0e1f2a3b4c5d',
      type: 'GEOFENCE',
      received: '1767861412907',
      version: '1.0.0',
      device: EXAMPLE_DEVICE,
      geofence: {
        id: 'gf_8Kq2LmX0',
        name: 'Depot Hamburg',
        type: 'ENTER',
        coordinates: ['9.9937', '53.5511'],
        source: 'GPS',
      },
    },
  },
  {
    name: 'LOCATION',
    description: 'Device location updates from GPS or cell tower',
    payload: {
      id: '1-63935061-9a8b7c6d5e4f3a2b1c0d9e8f',
      type: 'LOCATION',
      received: '1767861530266',
      version: '1.0.0',
      device: EXAMPLE_DEVICE,
      location: { source: 'CellTower', coordinates: ['9.9937', '53.5511'] },
    },
  },
  {
    name: 'TEST_MESSAGE',
    description:
      'Sent by Test and Restart to check that the endpoint answers; it cannot be subscribed to',
    payload: {
      id: '1-63935062-1f2e3d4c5b6a79880a1b2c3d',
      type: 'TEST_MESSAGE',
      received: '1767861602144',
      version: '1.0.0',
      integration: { id: 'Jv2cS-pPcy0NdtQ64ycZJ', name: 'Fleet telemetry' },
    },
  },
].map((eventType) => ({ ...eventType, version: '1.0.0' }));

type IdParams = { integrationId: string };

export const handlers = [
  ...adminLogHandlers,
  ...simHandlers,
  http.get(BASE, async ({ request }) => {
    await latency();
    const search = new URL(request.url).searchParams;
    const paging = parsePaging(search, {
      defaultPageSize: DEFAULT_PAGE_SIZE,
      maxPageSize: MAX_PAGE_SIZE,
    });
    if (paging.errors) return apiError(400, paging.errors);
    const { page, pageSize } = paging;

    const { items, pages } = paginate(db.list(), page, pageSize);
    return HttpResponse.json({
      page,
      pageAmount: Math.max(1, pages),
      items: items.map(toListItem),
    });
  }),

  // Declared before /:integrationId, which would otherwise treat "eventTypes" as an id.
  http.get(`${BASE}/eventTypes`, async () => {
    await latency();
    return HttpResponse.json({ eventTypes: structuredClone(EVENT_TYPES) });
  }),

  http.get<IdParams>(`${BASE}/:integrationId`, async ({ params }) => {
    await latency();
    const integration = db.get(params.integrationId);
    return integration ? HttpResponse.json(integration) : notFound(params.integrationId);
  }),

  http.patch<IdParams>(`${BASE}/:integrationId`, async ({ request, params }) =>
    answerAfterLatency(await patchIntegration(request, params.integrationId, false)),
  ),

  http.delete<IdParams>(`${BASE}/:integrationId`, async ({ params }) =>
    answerAfterLatency(
      db.remove(params.integrationId)
        ? new HttpResponse(null, { status: 204 })
        : notFound(params.integrationId),
    ),
  ),

  http.post(`${BASE}/webhooks`, async ({ request }) =>
    answerAfterLatency(await postWebhook(request)),
  ),

  http.patch<IdParams>(`${BASE}/webhooks/:integrationId`, async ({ request, params }) =>
    answerAfterLatency(await patchIntegration(request, params.integrationId, true)),
  ),

  http.post<IdParams>(`${BASE}/webhooks/:integrationId/test`, async ({ params }) => {
    const result = db.test(params.integrationId);
    return answerAfterLatency(
      result ? HttpResponse.json(result) : notFound(params.integrationId, 'webhook integration'),
    );
  }),

  http.post<IdParams>(`${BASE}/webhooks/:integrationId/restart`, async ({ params }) => {
    const result = db.restart(params.integrationId);
    return answerAfterLatency(
      result ? HttpResponse.json(result) : notFound(params.integrationId, 'webhook integration'),
    );
  }),
];
