import * as z from 'zod/mini';
import { isHttpsUrl } from '@/placeholders/url';

// Reading is lenient (unknown states, event types and extra fields must not break the console);
// what the console sends is strict, mirroring the spec's additionalProperties:false bodies: the
// request schemas at the end parse every create and patch body before it is sent (queries.ts).

export const SUBSCRIBABLE_EVENT_TYPES = [
  'TELEMETRY_DATA',
  'LIFECYCLE',
  'ERROR',
  'GEOFENCE',
  'LOCATION',
] as const;
export const subscribableEventTypeSchema = z.enum(SUBSCRIBABLE_EVENT_TYPES);
export type SubscribableEventType = z.infer<typeof subscribableEventTypeSchema>;

// zod/mini (functions instead of methods): these schemas are on every page's first load, and the
// mini API tree-shakes to what they use (issue 12); pages that load later may use zod's full API.
const timestampSchema = z.string();

const eventTypeRefSchema = z.looseObject({
  type: z.string(),
  version: z.optional(z.string()),
});
export type EventTypeRef = z.infer<typeof eventTypeRefSchema>;

const integrationSummarySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  type: z.string(),
  createdTime: z.optional(timestampSchema),
  updatedTime: z.optional(timestampSchema),
  eventTypes: z._default(z.array(eventTypeRefSchema), []),
  // The docs' list example omits it although the spec requires it.
  jsonPayloadEnabled: z.optional(z.boolean()),
  lastSuccessfulMessageDelivery: z.optional(timestampSchema),
});
export type IntegrationSummary = z.infer<typeof integrationSummarySchema>;

const pageNumberSchema = z.catch(z.int().check(z.minimum(1)), 1);

export const integrationListSchema = z.looseObject({
  page: pageNumberSchema,
  pageAmount: pageNumberSchema,
  items: z.array(integrationSummarySchema),
});
export type IntegrationList = z.infer<typeof integrationListSchema>;

export const integrationDetailSchema = z.extend(integrationSummarySchema, {
  url: z.optional(z.string()),
  headers: z.optional(z.record(z.string(), z.unknown())),
  error: z.optional(z.string()),
  awsAccountId: z.optional(z.string()),
  region: z.optional(z.string()),
});
export type IntegrationDetail = z.infer<typeof integrationDetailSchema>;

const eventTypeInfoSchema = z.looseObject({
  name: z.string(),
  description: z.optional(z.string()),
  version: z.optional(z.string()),
  payload: z.optional(z.unknown()),
});

export const eventTypesResponseSchema = z.looseObject({
  eventTypes: z.array(eventTypeInfoSchema),
});

export const testResultSchema = z.looseObject({
  testStatus: z.string(),
  message: z.optional(z.string()),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const restartResultSchema = z.looseObject({
  restartStatus: z.string(),
  message: z.optional(z.string()),
  integration: z.optional(z.partial(integrationSummarySchema)),
});
export type RestartResult = z.infer<typeof restartResultSchema>;

export const NAME_MAX = 128;

const httpsUrlSchema = z.string().check(
  z.minLength(1),
  z.refine((value) => isHttpsUrl(value), 'Must be an absolute https:// URL without spaces'),
);

const headersSchema = z.record(z.string(), z.string());

// The type stays any name: the form offers what GET /eventTypes lists, and which of those a
// webhook may subscribe to is the API's to say (its 400 is shown on the field).
const eventTypesRequestSchema = z
  .array(
    z.strictObject({ type: z.string().check(z.minLength(1)), version: z.optional(z.string()) }),
  )
  .check(z.minLength(1));

export const webhookCreateSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(NAME_MAX)),
  url: httpsUrlSchema,
  headers: headersSchema,
  eventTypes: eventTypesRequestSchema,
  jsonPayloadEnabled: z.optional(z.boolean()),
});
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

export const webhookPatchSchema = z.strictObject({
  url: z.optional(httpsUrlSchema),
  headers: z.optional(headersSchema),
  eventTypes: z.optional(eventTypesRequestSchema),
  jsonPayloadEnabled: z.optional(z.boolean()),
});
export type WebhookPatch = z.infer<typeof webhookPatchSchema>;
