import { z } from 'zod';
import { ApiError, describeError, fieldErrors } from '@/api/errors';
import {
  NAME_MAX,
  type EventTypeRef,
  type IntegrationDetail,
  type WebhookCreate,
  type WebhookPatch,
} from '@/integrations/schemas';
import { isSecretName } from '@/placeholders/secrets';
import { isHttpsUrl } from '@/placeholders/url';
import { isValidHeaderValue } from '@/placeholders/warnings';

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

/**
 * Everything wrong with an endpoint URL at once, in the order a user would fix it, so one submit
 * shows every problem. A check that needs a well-formed URL only runs when the others passed.
 */
export function urlProblems(raw: string): string[] {
  const value = raw.trim();
  if (!value) return ['Enter the endpoint URL'];
  const problems: string[] = [];
  if (!/^https:\/\//i.test(value) && /^[a-z][a-z0-9+.-]*:/i.test(value)) {
    problems.push('1NCE only delivers to https:// endpoints');
  }
  if (/\s/.test(value)) problems.push('A URL cannot contain spaces');
  if (value.length > URL_MAX) problems.push(`Use at most ${URL_MAX} characters`);
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(value)?.[1] ?? '';
  if (/:[A-Za-z][A-Za-z0-9_.-]*:/.test(authority.replace(/\[[^\]]*\]/g, ''))) {
    problems.push(
      'Placeholders cannot be used in the host: 1NCE needs one fixed host to deliver to',
    );
  }
  if (authority.includes('@')) {
    problems.push('Do not put credentials in the URL: add them as an HTTP header instead');
  }
  if (problems.length > 0) return problems;
  if (!isHttpsUrl(value)) return ['Enter an absolute URL such as https://example.com/hook'];
  const host = /^https:\/\/([^/?#:]*|\[[^\]]*\])/i.exec(value)?.[1] ?? '';
  // 1NCE wants special-character domains as punycode; the browser can tell us that form.
  if (/[^\p{ASCII}]/u.test(host)) {
    return [`Use the punycode form of the host: ${new URL(value).hostname}`];
  }
  return [];
}

const PRIVATE_IPV4 = [
  /^127\./, // loopback
  /^10\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^192\.168\./,
  /^169\.254\./, // link-local
  /^0\./,
];
const PRIVATE_SUFFIX = /(^|\.)(localhost|local|internal)$/i;

/**
 * A host 1NCE can never reach: it delivers from the public internet, so loopback, private and
 * link-local addresses and local-only names fail every delivery. A warning, not an error: a
 * split-horizon name may still be right for someone.
 */
export function unreachableHostWarning(raw: string): string | undefined {
  let hostname: string;
  try {
    hostname = new URL(raw.trim()).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const bare = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  const ipv6Private =
    bare === '::1' ||
    bare === '::' ||
    /^f[cd][0-9a-f]{2}:/.test(bare) ||
    /^fe[89ab][0-9a-f]:/.test(bare);
  const ipv4Private =
    /^\d+\.\d+\.\d+\.\d+$/.test(bare) && PRIVATE_IPV4.some((range) => range.test(bare));
  if (!ipv6Private && !ipv4Private && !PRIVATE_SUFFIX.test(bare)) return undefined;
  return `1NCE delivers from the internet and cannot reach ${bare}: use a public host name or address`;
}

export const headerRowSchema = z.object({
  key: z.string(),
  value: z.string(),
  /** 1NCE returned this header's value in a form the console cannot read back (see headersToRows). */
  unreadable: z.boolean().optional(),
});
export type HeaderRow = z.infer<typeof headerRowSchema>;

interface HeaderIssue {
  index: number;
  field: 'key' | 'value';
  message: string;
}

const EMPTY_SECRET_MESSAGE = 'Enter a value or remove the header';

/** What the form refuses in the header rows; the Preview leaves such rows out as the save would. */
export function headerIssues(rows: HeaderRow[]): HeaderIssue[] {
  const issues: HeaderIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const name = row.key.trim();
    const keyMessage = !name
      ? 'Enter a header name'
      : name.length > HEADER_NAME_MAX
        ? `Use at most ${HEADER_NAME_MAX} characters`
        : !HEADER_NAME.test(name)
          ? 'Use letters, digits and - _ . only: no spaces or colons'
          : RESERVED_HEADERS.has(name.toLowerCase())
            ? `1NCE sets ${name} itself; remove this header`
            : seen.has(name.toLowerCase())
              ? `Duplicate of header ${seen.get(name.toLowerCase())! + 1}: names ignore case`
              : undefined;
    if (keyMessage) issues.push({ index, field: 'key', message: keyMessage });
    else seen.set(name.toLowerCase(), index);

    const valueMessage = FORBIDDEN_IN_VALUE.test(row.value)
      ? 'A header value cannot contain line breaks'
      : row.value.length > HEADER_VALUE_MAX
        ? `Use at most ${HEADER_VALUE_MAX} characters`
        : !isValidHeaderValue(row.value)
          ? 'Header values can only hold Latin-1 characters (no emoji or other scripts)'
          : // An empty credential is never what anyone means, and 1NCE would store it; an
            // unreadable stored value is checked at save time, when it is known whether the
            // headers are sent at all (blockedHeaders).
            row.value === '' && name && isSecretName(name) && !row.unreadable
            ? EMPTY_SECRET_MESSAGE
            : undefined;
    if (valueMessage) issues.push({ index, field: 'value', message: valueMessage });
  });
  return issues;
}

/** Whether a header name alone is refused (empty, not a token, set by 1NCE itself, too long). */
export function isRefusedHeaderName(name: string): boolean {
  return headerIssues([{ key: name, value: 'x' }]).length > 0;
}

/** The rows a save would send: the Preview shows exactly these. */
export function savableHeaderRows(rows: HeaderRow[]): HeaderRow[] {
  const refused = new Set(headerIssues(rows).map((issue) => issue.index));
  return rows.filter((_, index) => !refused.has(index));
}

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

/** Whether the form's header rows differ from the saved ones: added, removed, renamed or retyped. */
export function headersChanged(original: IntegrationDetail, rows: HeaderRow[]): boolean {
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
