import { isRecord, statusText, type Reply } from './http';

interface Fault {
  /** Only requests to this path (after /management-api, no query) or below it; all when unset. */
  path?: string;
  status: number;
  body?: unknown;
  headers: Record<string, string>;
  remaining: number;
}

/** Whole segments only: `/v1/sims` covers `/v1/sims` and `/v1/sims/89…`, never `/v1/simsX`. */
function isAtOrBelow(path: string, prefix: string) {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/** A `/__control/fail-next` body: `{ status, body?, headers?, count = 1, path? }`. */
export function parseFault(input: unknown): Fault | { message: string; property: string } {
  if (!isRecord(input)) return { property: 'body', message: 'Expected a JSON object' };
  const { status, body, headers, count = 1, path } = input;
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) {
    return { property: 'path', message: 'path must be a string starting with /' };
  }
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    return { property: 'status', message: 'status must be an integer from 200 to 599' };
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    return { property: 'count', message: 'count must be an integer of at least 1' };
  }
  if (
    headers !== undefined &&
    (!isRecord(headers) || Object.values(headers).some((value) => typeof value !== 'string'))
  ) {
    return { property: 'headers', message: 'headers must be an object of strings' };
  }
  return {
    path,
    status,
    // Without a body, errors get the API's error shape; other statuses get no body.
    body:
      body !== undefined
        ? body
        : status >= 400
          ? { statusCode: status, statusText: statusText(status), errors: [] }
          : undefined,
    headers: (headers as Record<string, string> | undefined) ?? {},
    remaining: count,
  };
}

/** Injected failures, answered in the order they were added, each for `count` requests. */
export function createFaults() {
  let faults: Fault[] = [];

  return {
    add(fault: Fault) {
      faults.push(fault);
    },

    /** How many requests the pending faults will still answer. */
    pending: () => faults.reduce((n, f) => n + f.remaining, 0),

    /** The first pending fault for this path (`/v1/…`), used up by one request. */
    take(path: string): Reply | undefined {
      const fault = faults.find((item) => !item.path || isAtOrBelow(path, item.path));
      if (!fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.splice(faults.indexOf(fault), 1);
      return { status: fault.status, headers: fault.headers, body: fault.body };
    },

    clear() {
      faults = [];
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
