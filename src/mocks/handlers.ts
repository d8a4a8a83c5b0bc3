import { http, HttpResponse } from 'msw';
import type { IntegrationDetail, WebhookCreate, WebhookPatch } from '@/integrations/schemas';
import { adminLogHandlers } from '@/mocks/admin-logs';
import { db } from '@/mocks/db';
import { toListItem } from '@/mocks/integration-store';
import { latency } from '@/mocks/latency';
import { EXAMPLE_DEVICE } from '@/placeholders/preview';
import { sampleBody } from '@/placeholders/samples';
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

// Only the webhook PATCH: the console never sends 1NCE's generic PATCH /{id} (the server's
// allow-list refuses it), so the demo does not answer it either.
async function patchWebhook(request: Request, id: string) {
  const json = await readJson(request);
  if (!json.ok) return invalidJson();
  const errors = validateWebhookPatch(json.body);
  if (errors.length > 0) return apiError(400, errors);

  const existing = db.get(id);
  if (!existing || existing.type !== 'WEBHOOK') return notFound(id, 'webhook integration');
  const patch = json.body as WebhookPatch;
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

// GET /eventTypes: each type's description and a sample payload, the Preview's own sample body.
const EVENT_TYPE_DESCRIPTIONS: Record<string, string> = {
  TELEMETRY_DATA: 'Data messages that devices send over UDP, CoAP or LwM2M',
  LIFECYCLE: 'Device lifecycle events, such as a device registering for the first time',
  ERROR: 'Errors from devices, 1NCE OS and integrations, such as a disabled integration',
  GEOFENCE: 'A device entering or leaving one of your geofences',
  LOCATION: 'Device location updates from GPS or cell tower',
  TEST_MESSAGE:
    'Sent by Test and Restart to check that the endpoint answers; it cannot be subscribed to',
};
// Without a device: the ERROR sample is then an integration's, as a disabled webhook's would be.
const WITHOUT_DEVICE = new Set(['ERROR', 'TEST_MESSAGE']);
const SAMPLED_AT = 1767861243512;

const EVENT_TYPES = Object.entries(EVENT_TYPE_DESCRIPTIONS).map(([name, description]) => ({
  name,
  description,
  version: '1.0.0',
  payload: sampleBody(name, {
    device: WITHOUT_DEVICE.has(name) ? undefined : EXAMPLE_DEVICE,
    jsonPayloadEnabled: true,
    integration: { id: 'Jv2cS-pPcy0NdtQ64ycZJ', name: 'Fleet telemetry' },
    now: SAMPLED_AT,
  }),
}));

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
    answerAfterLatency(await patchWebhook(request, params.integrationId)),
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
