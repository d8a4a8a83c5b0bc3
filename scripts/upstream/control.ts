import type { Buffer } from 'node:buffer';
import { db } from '@/mocks/db';
import { parseFault, type Faults } from './faults';
import { apiError, isRecord, notFound, parseJson, type Reply } from './http';
import type { RequestLog } from './request-log';
import type { Tokens } from './tokens';

export const CONTROL_PREFIX = '/__control/';

/**
 * The `/__control/*` endpoints a test calls directly: reset, expire-tokens, fail-next,
 * device-message, requests and clear-requests.
 */
export function control(
  method: string,
  path: string,
  body: Buffer,
  { tokens, faults, requestLog }: { tokens: Tokens; faults: Faults; requestLog: RequestLog },
): Reply {
  const action = path.slice(CONTROL_PREFIX.length);
  if (method === 'POST' && action === 'reset') {
    db.reset();
    tokens.revokeAll();
    faults.clear();
    requestLog.clear();
    return { status: 204 };
  }
  if (method === 'POST' && action === 'expire-tokens') {
    tokens.revokeAll();
    return { status: 204 };
  }
  if (method === 'POST' && action === 'fail-next') {
    const json = parseJson(body);
    const fault = json.ok
      ? parseFault(json.value)
      : { property: 'body', message: 'Request body is not valid JSON' };
    if (!('status' in fault)) return apiError(400, [fault]);
    faults.add(fault);
    return { status: 200, body: { pending: faults.pending() } };
  }
  if (method === 'POST' && action === 'device-message') {
    // What Demo controls do in the demo: a device event, delivered (and retried) by the db.
    const json = parseJson(body);
    const eventType = json.ok && isRecord(json.value) ? json.value.eventType : undefined;
    if (eventType !== 'TELEMETRY_DATA' && eventType !== 'LIFECYCLE') {
      return apiError(400, [{ property: 'eventType', message: 'TELEMETRY_DATA or LIFECYCLE' }]);
    }
    return { status: 200, body: db.sendDeviceMessage(eventType) };
  }
  if (method === 'GET' && action === 'requests') {
    return { status: 200, body: requestLog.list() };
  }
  if (method === 'POST' && action === 'clear-requests') {
    requestLog.clear();
    return { status: 204 };
  }
  return notFound();
}
