import * as z from 'zod/mini';
import { $ZodError, type $ZodType } from 'zod/v4/core';

interface FieldError {
  field?: string;
  message: string;
}

// Every field optional: 1NCE's API, a gateway in front of it and this console's server each send
// some of them.
const apiErrorBodySchema = z.looseObject({
  statusCode: z.optional(z.number()),
  statusText: z.optional(z.string()),
  message: z.optional(z.string()),
  errorCode: z.optional(z.string()),
  errors: z.optional(z.array(z.unknown())),
});

/**
 * Why this console's server could not get an answer from the API (its 502/504 body says so):
 * which of these are worth asking again is the query client's policy (query-client.ts).
 */
const UPSTREAM_CAUSES = [
  'dns',
  'refused',
  'tls',
  'reset',
  'unreachable',
  'timeout',
  'other',
] as const;
export type UpstreamCause = (typeof UPSTREAM_CAUSES)[number];

// Lenient: an older server sends no `upstream`, a newer one may name a cause this console does
// not know yet (read as 'other').
const upstreamFailureSchema = z.object({
  host: z.string().check(z.minLength(1)),
  cause: z.catch(z.enum(UPSTREAM_CAUSES), 'other'),
  timeoutMs: z.catch(z.optional(z.number().check(z.positive())), undefined),
});
type UpstreamFailure = z.infer<typeof upstreamFailureSchema>;

function readUpstreamFailure(body: unknown): UpstreamFailure | undefined {
  const parsed = z.object({ upstream: upstreamFailureSchema }).safeParse(body);
  return parsed.success ? parsed.data.upstream : undefined;
}

export class ApiError extends Error {
  readonly status: number;
  readonly statusText: string;
  readonly errors: unknown[];
  readonly body: unknown;
  /** From a `Retry-After` header (429, 503): how long to wait before asking again. */
  readonly retryAfterSeconds?: number;
  /** Set when this console's server, not the API, answered: the API could not be reached. */
  readonly upstream?: UpstreamFailure;

  constructor(status: number, statusText: string, body: unknown, retryAfter?: string | null) {
    const parsed = apiErrorBodySchema.safeParse(body);
    const data = parsed.success ? parsed.data : {};
    const text = data.statusText ?? statusText;
    const upstream = status >= 500 ? readUpstreamFailure(body) : undefined;
    // Also the message, for places that show `error.message` (a failed refresh of a shown list).
    super(
      upstream ? describeUpstreamFailure(upstream) : (data.message ?? `${status} ${text}`.trim()),
    );
    this.name = 'ApiError';
    this.status = status;
    this.statusText = text;
    this.errors = data.errors ?? [];
    this.body = body;
    this.retryAfterSeconds = parseRetryAfter(retryAfter);
    this.upstream = upstream;
  }
}

/** Whether `error` is the API's answer with one of `statuses` (a 403 to explain, a 429 to wait out). */
export function hasStatus(error: unknown, ...statuses: number[]): error is ApiError {
  return error instanceof ApiError && statuses.includes(error.status);
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The network failed before any HTTP answer arrived. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The console could not reach the server. Check your connection and try again.', {
      cause,
    });
    this.name = 'NetworkError';
  }
}

const FIELD_KEYS = ['property', 'field', 'path', 'instancePath', 'dataPath', 'param', 'name'];

/**
 * The spec leaves the items of `errors[]` undocumented (its example is `["{}","{}"]`), so this
 * reads strings and objects alike and finds a field name under any of the usual keys.
 */
export function fieldErrors(error: ApiError): FieldError[] {
  return error.errors.flatMap((item): FieldError[] => {
    if (typeof item === 'string') return item.trim() && item !== '{}' ? [{ message: item }] : [];
    if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const message = [record.message, record.msg, record.detail, record.error].find(
        (value): value is string => typeof value === 'string',
      );
      const rawField = FIELD_KEYS.map((key) => record[key]).find(
        (value): value is string | string[] => typeof value === 'string' || Array.isArray(value),
      );
      const field = Array.isArray(rawField)
        ? rawField.join('.')
        : rawField?.replace(/^[/.]/, '').replace(/\//g, '.');
      if (!message && !field) return [];
      return [{ field: field || undefined, message: message ?? 'is invalid' }];
    }
    return [];
  });
}

/**
 * A request body the console built that 1NCE's spec would refuse, caught before it is sent: a
 * bug in the console, not an answer of the API (which describeError's ZodError branch means).
 */
export class UnsendableBodyError extends Error {
  constructor(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    const details = issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
      .join('; ');
    super(`Nothing was sent: the console built a request 1NCE would refuse (${details}).`);
    this.name = 'UnsendableBodyError';
  }
}

/** `value` as `schema` reads it, or an UnsendableBodyError naming what is wrong. */
export function sendable<T>(schema: $ZodType<T>, value: unknown): T {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw new UnsendableBodyError(parsed.error.issues);
  return parsed.data;
}

/** A sentence a user can act on, for any error a request can throw. */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (error instanceof ApiError && error.upstream) return describeUpstreamFailure(error.upstream);
  if (error instanceof ApiError) {
    const known =
      STATUS_MESSAGES[error.status] ?? `The API answered ${error.status} ${error.statusText}.`;
    const base =
      error.retryAfterSeconds !== undefined
        ? `${known} Try again in ${error.retryAfterSeconds} s.`
        : error.status === 429
          ? `${known} Wait a moment and try again.`
          : known;
    // A detail that only repeats the sentence (a gateway's "could not be reached") adds nothing.
    const said = base.toLowerCase();
    const details = fieldErrors(error)
      .map((item) => (item.field ? `${item.field}: ${item.message}` : item.message))
      .filter((detail) => !said.includes(detail.toLowerCase().replace(/[.\s]+$/, '')))
      .join('; ');
    return details ? `${base} ${details}` : base;
  }
  // Any zod error: zod/mini's $ZodError and the full API's ZodError are both instances of it.
  if (error instanceof $ZodError) {
    return 'The API answered with data this console cannot read.';
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** What failed between the console's server and the API, where, and what fixes it. */
function describeUpstreamFailure({ host, cause, timeoutMs }: UpstreamFailure): string {
  switch (cause) {
    case 'dns':
      return `The console's server could not find ${host} in DNS, so no request reached the API. Check MANAGEMENT_API_URL and the DNS and network settings of the server running this console.`;
    case 'refused':
      return `${host} refused the connection from the console's server. Check that the API is running there and that MANAGEMENT_API_URL has the right port.`;
    case 'tls':
      return `The console's server could not make a secure (TLS) connection to ${host}. Check the API's certificate, that MANAGEMENT_API_URL uses the right scheme (https or http), and any proxy that intercepts TLS.`;
    case 'reset':
      return `${host} closed the connection before answering. Try again in a moment.`;
    case 'unreachable':
      return `The console's server has no network route to ${host}. Check that server's network, firewall and proxy settings.`;
    case 'timeout':
      return `${host} did not answer the console's server within ${timeoutMs ? `${timeoutMs / 1000} s` : 'the time limit'}. Try again; if it keeps happening, check that server's network or raise UPSTREAM_TIMEOUT_MS.`;
    default:
      return `The console's server could not reach ${host}. Check MANAGEMENT_API_URL and that server's network.`;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The API rejected the request.',
  401: 'Your session has expired. Sign in again.',
  403: 'Your API user is not allowed to do this.',
  // Said of an integration, a SIM or a log alike: the page around it says which.
  404: 'The 1NCE API found nothing there: it no longer exists or never did.',
  409: 'The API reported a conflict.',
  429: 'Too many requests to the 1NCE API.',
  500: 'The 1NCE API had an internal error. Try again in a moment.',
  502: 'The 1NCE API could not be reached. Try again in a moment.',
  503: 'The 1NCE API is unavailable. Try again in a moment.',
  504: 'The 1NCE API did not answer in time. Try again in a moment.',
};
