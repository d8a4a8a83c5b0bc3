import { z } from 'zod';
import { ApiError, describeError, fieldErrors } from '@/api/request';
import {
  NAME_MAX,
  type EventTypeRef,
  type IntegrationDetail,
  type WebhookCreate,
  type WebhookPatch,
} from '@/integrations/schemas';
import { isHttpsUrl } from '@/placeholders/url';

// RFC 9110 token characters: what a header name may contain.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Field values may not carry line breaks or NUL (RFC 9110 §5.5).
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

export const URL_MAX = 2048;
export const HEADER_NAME_MAX = 256;
export const HEADER_VALUE_MAX = 4096;

// The HTTP client sets these itself; a webhook that overrides them breaks its own requests.
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

/** The first thing wrong with an endpoint URL, in the order a user would fix it. */
export function urlProblem(raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return 'Enter the endpoint URL';
  if (/\s/.test(value)) return 'A URL cannot contain spaces';
  if (!/^https:\/\//i.test(value) && /^[a-z][a-z0-9+.-]*:/i.test(value)) {
    return '1NCE only delivers to https:// endpoints';
  }
  if (value.length > URL_MAX) return `Use at most ${URL_MAX} characters`;
  const authority = /^https:\/\/([^/?#]*)/i.exec(value)?.[1] ?? '';
  if (/:[A-Za-z][A-Za-z0-9_.-]*:/.test(authority.replace(/\[[^\]]*\]/g, ''))) {
    return 'Placeholders cannot be used in the host: 1NCE needs one fixed host to deliver to';
  }
  if (authority.includes('@')) {
    return 'Do not put credentials in the URL: add them as an HTTP header instead';
  }
  if (!isHttpsUrl(value)) return 'Enter an absolute URL such as https://example.com/hook';
  const host = /^https:\/\/([^/?#:]*|\[[^\]]*\])/i.exec(value)?.[1] ?? '';
  // 1NCE wants special-character domains as punycode; the browser can tell us that form.
  if (/[^\p{ASCII}]/u.test(host)) {
    return `Use the punycode form of the host: ${new URL(value).hostname}`;
  }
  return undefined;
}

export const headerRowSchema = z.object({ key: z.string(), value: z.string() });
export type HeaderRow = z.infer<typeof headerRowSchema>;

export const webhookFormSchema = z.object({
  name: z
    .string()
    .refine((value) => value.trim().length > 0, 'Enter an integration name')
    .refine((value) => value.length <= NAME_MAX, `Use at most ${NAME_MAX} characters`),
  url: z.string().superRefine((value, ctx) => {
    const message = urlProblem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  }),
  headers: z.array(headerRowSchema).superRefine((rows, ctx) => {
    const seen = new Map<string, number>();
    rows.forEach((row, index) => {
      const name = row.key.trim();
      if (!name) {
        ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'Enter a header name' });
      } else if (name.length > HEADER_NAME_MAX) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `Use at most ${HEADER_NAME_MAX} characters`,
        });
      } else if (!HEADER_NAME.test(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: 'Use letters, digits and - _ . only: no spaces or colons',
        });
      } else if (RESERVED_HEADERS.has(name.toLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `1NCE sets ${name} itself; remove this header`,
        });
      } else if (seen.has(name.toLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `Duplicate of header ${seen.get(name.toLowerCase())! + 1}: names ignore case`,
        });
      } else {
        seen.set(name.toLowerCase(), index);
      }
      const valueMessage = FORBIDDEN_IN_VALUE.test(row.value)
        ? 'A header value cannot contain line breaks'
        : row.value.length > HEADER_VALUE_MAX
          ? `Use at most ${HEADER_VALUE_MAX} characters`
          : /[^\t\x20-\x7E\x80-\xFF]/.test(row.value)
            ? 'Header values can only hold Latin-1 characters (no emoji or other scripts)'
            : undefined;
      if (valueMessage) {
        ctx.addIssue({ code: 'custom', path: [index, 'value'], message: valueMessage });
      }
    });
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

export function headersToRows(headers: Record<string, unknown> | undefined): HeaderRow[] {
  return Object.entries(headers ?? {}).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  }));
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
  }) as WebhookCreate['eventTypes'];
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

/** Only the fields that differ from `original`; `{}` when nothing changed. */
export function toWebhookPatch(
  original: IntegrationDetail,
  values: WebhookFormValues,
): WebhookPatch {
  const patch: WebhookPatch = {};
  const url = values.url.trim();
  if (url !== (original.url ?? '')) patch.url = url;

  const headers = rowsToHeaders(values.headers);
  if (!sameHeaders(headers, original.headers ?? {})) patch.headers = headers;

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

function sameHeaders(a: Record<string, string>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export type FormField = 'name' | 'url' | 'headers' | 'eventTypes' | 'jsonPayloadEnabled';
const FORM_FIELDS: FormField[] = ['name', 'url', 'headers', 'eventTypes', 'jsonPayloadEnabled'];

export interface ServerErrorPlacement {
  fields: { field: FormField; message: string }[];
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
