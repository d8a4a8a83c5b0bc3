import { z } from 'zod';
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

const timestampSchema = z.string();

const eventTypeRefSchema = z.looseObject({
  type: z.string(),
  version: z.string().optional(),
});
export type EventTypeRef = z.infer<typeof eventTypeRefSchema>;

const integrationSummarySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  type: z.string(),
  createdTime: timestampSchema.optional(),
  updatedTime: timestampSchema.optional(),
  eventTypes: z.array(eventTypeRefSchema).default([]),
  // The docs' list example omits it although the spec requires it.
  jsonPayloadEnabled: z.boolean().optional(),
  lastSuccessfulMessageDelivery: timestampSchema.optional(),
});
export type IntegrationSummary = z.infer<typeof integrationSummarySchema>;

export const integrationListSchema = z.looseObject({
  page: z.number().int().min(1).catch(1),
  pageAmount: z.number().int().min(1).catch(1),
  items: z.array(integrationSummarySchema),
});
export type IntegrationList = z.infer<typeof integrationListSchema>;

export const integrationDetailSchema = integrationSummarySchema.extend({
  url: z.string().optional(),
  headers: z.record(z.string(), z.unknown()).optional(),
  error: z.string().optional(),
  awsAccountId: z.string().optional(),
  region: z.string().optional(),
});
export type IntegrationDetail = z.infer<typeof integrationDetailSchema>;

const eventTypeInfoSchema = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  version: z.string().optional(),
  payload: z.unknown().optional(),
});

export const eventTypesResponseSchema = z.looseObject({
  eventTypes: z.array(eventTypeInfoSchema),
});

export const testResultSchema = z.looseObject({
  testStatus: z.string(),
  message: z.string().optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const restartResultSchema = z.looseObject({
  restartStatus: z.string(),
  message: z.string().optional(),
  integration: integrationSummarySchema.partial().optional(),
});
export type RestartResult = z.infer<typeof restartResultSchema>;

export const NAME_MAX = 128;

const httpsUrlSchema = z
  .string()
  .min(1)
  .refine((value) => isHttpsUrl(value), 'Must be an absolute https:// URL without spaces');

const headersSchema = z.record(z.string(), z.string());

// The type stays any name: the form offers what GET /eventTypes lists, and which of those a
// webhook may subscribe to is the API's to say (its 400 is shown on the field).
const eventTypesRequestSchema = z
  .array(z.strictObject({ type: z.string().min(1), version: z.string().optional() }))
  .min(1);

export const webhookCreateSchema = z.strictObject({
  name: z.string().min(1).max(NAME_MAX),
  url: httpsUrlSchema,
  headers: headersSchema,
  eventTypes: eventTypesRequestSchema,
  jsonPayloadEnabled: z.boolean().optional(),
});
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

export const webhookPatchSchema = z.strictObject({
  url: httpsUrlSchema.optional(),
  headers: headersSchema.optional(),
  eventTypes: eventTypesRequestSchema.optional(),
  jsonPayloadEnabled: z.boolean().optional(),
});
export type WebhookPatch = z.infer<typeof webhookPatchSchema>;
