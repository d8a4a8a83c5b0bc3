import { z } from 'zod';
import { ApiError, describeError, fieldErrors } from '@/api/errors';
import { headerIssues, headerRowSchema, type HeaderRow } from '@/integrations/header-rules';
import {
  NAME_MAX,
  type EventTypeRef,
  type IntegrationDetail,
  type WebhookCreate,
  type WebhookPatch,
} from '@/integrations/schemas';
import { urlProblems } from '@/integrations/url-rules';

export const webhookFormSchema = z.object({
  name: z
    .string()
    .refine((value) => value.trim().length > 0, 'Enter an integration name')
    .refine((value) => value.length <= NAME_MAX, `Use at most ${NAME_MAX} characters`),
  url: z.string().superRefine((value, ctx) => {
    const problems = urlProblems(value);
    // One issue holding every problem: react-hook-form keeps one message per field.
    if (problems.length > 0) ctx.addIssue({ code: 'custom', message: problems.join('\n') });
  }),
  headers: z.array(headerRowSchema).superRefine((rows, ctx) => {
    for (const { index, field, message } of headerIssues(rows)) {
      ctx.addIssue({ code: 'custom', path: [index, field], message });
    }
  }),
  eventTypes: z.array(z.string()).min(1, 'Choose at least one event type'),
  jsonPayloadEnabled: z.boolean(),
});
export type WebhookFormValues = z.infer<typeof webhookFormSchema>;

export const emptyWebhookForm: WebhookFormValues = {
  name: '',
  url: '',
  headers: [],
  eventTypes: [],
  jsonPayloadEnabled: false,
};

// 1NCE does not document whether it masks header values in its answers; a value made only of
// mask characters, or one that is not text at all, is not the stored secret and must never be
// sent back as if it were.
const MASKED = /^(\*{3,}|•{3,})$/;

export function headersToRows(headers: Record<string, unknown> | undefined): HeaderRow[] {
  return Object.entries(headers ?? {}).map(([key, value]) => {
    if (typeof value === 'string' && !MASKED.test(value)) return { key, value };
    if (typeof value === 'number' || typeof value === 'boolean')
      return { key, value: String(value) };
    return { key, value: '', unreadable: true };
  });
}

export function rowsToHeaders(rows: HeaderRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [row.key.trim(), row.value]));
}

export function toFormValues(detail: IntegrationDetail): WebhookFormValues {
  return {
    name: detail.name,
    url: detail.url ?? '',
    headers: headersToRows(detail.headers),
    eventTypes: detail.eventTypes.map((eventType) => eventType.type),
    jsonPayloadEnabled: detail.jsonPayloadEnabled ?? false,
  };
}

// New subscriptions omit `version` so 1NCE picks the latest; kept ones keep theirs.
function toEventTypeRefs(types: string[], existing: EventTypeRef[] = []) {
  return types.map((type) => {
    const version = existing.find((ref) => ref.type === type)?.version;
    return version ? { type, version } : { type };
  });
}

export function toWebhookInput(values: WebhookFormValues): WebhookCreate {
  return {
    name: values.name,
    url: values.url.trim(),
    headers: rowsToHeaders(values.headers),
    eventTypes: toEventTypeRefs(values.eventTypes),
    jsonPayloadEnabled: values.jsonPayloadEnabled,
  };
}

/** Whether the form's header rows differ from the saved ones: added, removed, renamed or retyped. */
function headersChanged(original: IntegrationDetail, rows: HeaderRow[]): boolean {
  const before = headersToRows(original.headers);
  if (before.length !== rows.length) return true;
  const saved = new Map(before.map((row) => [row.key, row]));
  return rows.some((row) => {
    const match = saved.get(row.key.trim());
    // An unreadable value stays '' until retyped, so '' against '' means untouched.
    return !match || match.value !== row.value;
  });
}

/**
 * Header rows whose saved value 1NCE did not return readably and that the user has not retyped,
 * when the save would send `headers` (which replaces them all): sending would store a blank.
 */
export function blockedHeaders(
  original: IntegrationDetail,
  values: WebhookFormValues,
): { index: number; name: string }[] {
  if (!headersChanged(original, values.headers)) return [];
  return values.headers.flatMap((row, index) =>
    row.unreadable && row.value === '' ? [{ index, name: row.key.trim() }] : [],
  );
}

/** Only the fields that differ from `original`; `{}` when nothing changed. */
export function toWebhookPatch(
  original: IntegrationDetail,
  values: WebhookFormValues,
): WebhookPatch {
  const patch: WebhookPatch = {};
  const url = values.url.trim();
  if (url !== (original.url ?? '')) patch.url = url;

  // Compared with what the form started from, not the raw answer: a value 1NCE returned
  // unreadably must not count as a change, nor be sent back.
  if (headersChanged(original, values.headers)) patch.headers = rowsToHeaders(values.headers);

  const before = new Set(original.eventTypes.map((ref) => ref.type));
  const after = new Set(values.eventTypes);
  if (before.size !== after.size || [...after].some((type) => !before.has(type))) {
    patch.eventTypes = toEventTypeRefs(values.eventTypes, original.eventTypes);
  }

  if (values.jsonPayloadEnabled !== (original.jsonPayloadEnabled ?? false)) {
    patch.jsonPayloadEnabled = values.jsonPayloadEnabled;
  }
  return patch;
}

type FormField = 'name' | 'url' | 'headers' | 'eventTypes' | 'jsonPayloadEnabled';
const FORM_FIELDS: FormField[] = ['name', 'url', 'headers', 'eventTypes', 'jsonPayloadEnabled'];

interface ServerErrorPlacement {
  /** `conflict`: another webhook has the URL (the field then links to it). */
  fields: { field: FormField; message: string; type?: 'conflict' }[];
  /** What could not be tied to a field: shown above the form. */
  form?: string;
}

/**
 * Where a failed save's message belongs: field errors come from the API's `errors[]` when it
 * names a property; a 409 always concerns the URL (1NCE allows one webhook per URL).
 */
export function placeServerError(error: unknown): ServerErrorPlacement {
  const status = error instanceof ApiError ? error.status : undefined;
  if (status === 409) {
    return {
      fields: [
        {
          field: 'url',
          message:
            'Another webhook already uses this Endpoint URL. 1NCE allows one webhook per URL: change the URL or edit that webhook.',
          type: 'conflict',
        },
      ],
    };
  }
  if (error instanceof ApiError && status === 400) {
    const fields: ServerErrorPlacement['fields'] = [];
    const rest: string[] = [];
    for (const item of fieldErrors(error)) {
      const root = item.field?.split(/[.[]/)[0];
      const field = FORM_FIELDS.find((name) => name === root);
      if (field) fields.push({ field, message: item.message });
      else rest.push(item.field ? `${item.field}: ${item.message}` : item.message);
    }
    if (fields.length > 0 && rest.length === 0) return { fields };
    return {
      fields,
      form:
        rest.length > 0 ? `The API rejected the webhook: ${rest.join('; ')}` : describeError(error),
    };
  }
  return { fields: [], form: describeError(error) };
}
