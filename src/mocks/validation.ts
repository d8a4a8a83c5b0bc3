import { HttpResponse } from 'msw';

// Written from the 1NCE spec on purpose, without the app's request schemas: the demo backend
// has to reject what a buggy console sends, so it cannot share the console's idea of "valid".

export interface ValidationError {
  property: string;
  message: string;
}

const STATUS_TEXT = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict' } as const;

/** 1NCE's error answer: `{statusCode, statusText, errors: [{property, message}]}`. */
export function apiError(statusCode: keyof typeof STATUS_TEXT, errors: ValidationError[]) {
  return HttpResponse.json(
    { statusCode, statusText: STATUS_TEXT[statusCode], errors },
    { status: statusCode },
  );
}

/** A whole-number query parameter of at least 1 (and at most `max`); `fallback` when absent. */
function parsePositiveInt(
  raw: string | null,
  property: string,
  fallback: number,
  max = Infinity,
): number | ValidationError {
  if (raw === null) return fallback;
  const value = Number(raw);
  if (/^\d+$/.test(raw) && value >= 1 && value <= max) return value;
  const range = max === Infinity ? 'of at least 1' : `from 1 to ${max}`;
  return { property, message: `${property} must be an integer ${range}, got "${raw}"` };
}

/**
 * A list request's `page` (1 by default) and `pageSize`, or what is wrong with each: the same
 * rules and messages for integrations, administration logs and SIMs.
 */
export function parsePaging(
  search: URLSearchParams,
  limits: { defaultPageSize: number; maxPageSize: number; maxPage?: number },
): { page: number; pageSize: number; errors?: undefined } | { errors: ValidationError[] } {
  const page = parsePositiveInt(search.get('page'), 'page', 1, limits.maxPage);
  const pageSize = parsePositiveInt(
    search.get('pageSize'),
    'pageSize',
    limits.defaultPageSize,
    limits.maxPageSize,
  );
  if (typeof page === 'number' && typeof pageSize === 'number') return { page, pageSize };
  return {
    errors: [page, pageSize].filter((value): value is ValidationError => typeof value !== 'number'),
  };
}

/** One page of `all`, and how many pages there are (0 for none); a page past the end is empty. */
export function paginate<T>(all: readonly T[], page: number, pageSize: number) {
  const start = (page - 1) * pageSize;
  return { items: all.slice(start, start + pageSize), pages: Math.ceil(all.length / pageSize) };
}

const REQUEST_EVENT_TYPES = [
  'TELEMETRY_DATA',
  'LIFECYCLE',
  'ERROR',
  'GEOFENCE',
  'LOCATION',
] as const;
const EVENT_TYPE_VERSIONS = ['1.0.0'] as const;
const NAME_MAX_LENGTH = 128;

const CREATE_PROPERTIES = ['name', 'url', 'headers', 'eventTypes', 'jsonPayloadEnabled'];
const PATCH_PROPERTIES = ['url', 'headers', 'eventTypes', 'jsonPayloadEnabled'];
// Fields a client may have read from a GET and echoed back; they get a clearer message.
const READ_ONLY_PROPERTIES = [
  'name',
  'id',
  'type',
  'state',
  'createdTime',
  'updatedTime',
  'lastSuccessfulMessageDelivery',
  'error',
];
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

function validateName(value: unknown): ValidationError[] {
  if (typeof value !== 'string') {
    return [{ property: 'name', message: `name must be a string, got ${kindOf(value)}` }];
  }
  // JSON Schema counts code points, not UTF-16 units.
  const length = Array.from(value).length;
  if (length < 1) return [{ property: 'name', message: 'name must not be empty' }];
  if (length > NAME_MAX_LENGTH) {
    return [
      {
        property: 'name',
        message: `name must be at most ${NAME_MAX_LENGTH} characters, got ${length}`,
      },
    ];
  }
  return [];
}

function validateUrl(value: unknown): ValidationError[] {
  if (typeof value !== 'string') {
    return [{ property: 'url', message: `url must be a string, got ${kindOf(value)}` }];
  }
  if (/\s/.test(value)) {
    return [{ property: 'url', message: 'url must not contain whitespace' }];
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [{ property: 'url', message: 'url must be an absolute URL' }];
  }
  if (url.protocol !== 'https:') {
    return [{ property: 'url', message: `url must use https, got ${url.protocol.slice(0, -1)}` }];
  }
  if (!url.hostname) return [{ property: 'url', message: 'url must have a host' }];
  return [];
}

function validateHeaders(value: unknown): ValidationError[] {
  if (!isObject(value)) {
    return [{ property: 'headers', message: `headers must be an object, got ${kindOf(value)}` }];
  }
  return Object.entries(value).flatMap(([name, headerValue]): ValidationError[] => {
    const property = `headers.${name}`;
    if (!HTTP_TOKEN.test(name)) {
      return [{ property, message: `"${name}" is not a valid HTTP header name` }];
    }
    if (typeof headerValue !== 'string') {
      return [
        {
          property,
          message: `header values must be strings (no nested objects), got ${kindOf(headerValue)}`,
        },
      ];
    }
    return [];
  });
}

function validateEventTypes(value: unknown): ValidationError[] {
  if (!Array.isArray(value)) {
    return [
      { property: 'eventTypes', message: `eventTypes must be an array, got ${kindOf(value)}` },
    ];
  }
  if (value.length === 0) {
    return [{ property: 'eventTypes', message: 'eventTypes must contain at least 1 item' }];
  }
  return value.flatMap((item: unknown, index): ValidationError[] => {
    const base = `eventTypes.${index}`;
    if (!isObject(item)) {
      return [{ property: base, message: `event type must be an object, got ${kindOf(item)}` }];
    }
    const errors: ValidationError[] = [];
    const { type, version } = item;
    if (type === undefined) {
      errors.push({ property: `${base}.type`, message: 'type is required' });
    } else if (
      typeof type !== 'string' ||
      !(REQUEST_EVENT_TYPES as readonly string[]).includes(type)
    ) {
      errors.push({
        property: `${base}.type`,
        message: `type must be one of ${REQUEST_EVENT_TYPES.join(', ')}, got ${JSON.stringify(type)}`,
      });
    }
    if (
      version !== undefined &&
      (typeof version !== 'string' || !(EVENT_TYPE_VERSIONS as readonly string[]).includes(version))
    ) {
      errors.push({
        property: `${base}.version`,
        message: `version must be one of ${EVENT_TYPE_VERSIONS.join(', ')}, got ${JSON.stringify(version)}`,
      });
    }
    for (const key of Object.keys(item)) {
      if (key !== 'type' && key !== 'version') {
        errors.push({ property: `${base}.${key}`, message: `Unknown property "${key}"` });
      }
    }
    return errors;
  });
}

function validateJsonPayloadEnabled(value: unknown): ValidationError[] {
  return typeof value === 'boolean'
    ? []
    : [
        {
          property: 'jsonPayloadEnabled',
          message: `jsonPayloadEnabled must be a boolean, got ${kindOf(value)}`,
        },
      ];
}

const FIELD_VALIDATORS: Record<string, (value: unknown) => ValidationError[]> = {
  name: validateName,
  url: validateUrl,
  headers: validateHeaders,
  eventTypes: validateEventTypes,
  jsonPayloadEnabled: validateJsonPayloadEnabled,
};

function notAnObject(body: unknown): ValidationError[] {
  return [{ property: 'body', message: `Request body must be a JSON object, got ${kindOf(body)}` }];
}

function validateFields(body: JsonObject, allowed: readonly string[]): ValidationError[] {
  // hasOwn and the allow-list keep keys like "constructor" or "__proto__" away from the lookup.
  return Object.entries(body).flatMap(([key, value]) =>
    allowed.includes(key) && Object.hasOwn(FIELD_VALIDATORS, key)
      ? (FIELD_VALIDATORS[key]?.(value) ?? [])
      : [],
  );
}

export function validateWebhookCreate(body: unknown): ValidationError[] {
  if (!isObject(body)) return notAnObject(body);
  const errors: ValidationError[] = [];
  for (const key of ['name', 'url', 'headers', 'eventTypes']) {
    if (body[key] === undefined) errors.push({ property: key, message: `${key} is required` });
  }
  for (const key of Object.keys(body)) {
    if (!CREATE_PROPERTIES.includes(key)) {
      errors.push({ property: key, message: `Unknown property "${key}"` });
    }
  }
  return [...errors, ...validateFields(body, CREATE_PROPERTIES)];
}

export function validateWebhookPatch(body: unknown): ValidationError[] {
  if (!isObject(body)) return notAnObject(body);
  const errors: ValidationError[] = [];
  for (const key of Object.keys(body)) {
    if (PATCH_PROPERTIES.includes(key)) continue;
    errors.push({
      property: key,
      message: READ_ONLY_PROPERTIES.includes(key)
        ? `${key} is not patchable`
        : `Unknown property "${key}"`,
    });
  }
  return [...errors, ...validateFields(body, PATCH_PROPERTIES)];
}
