/**
 * The single source of what the console may ask the 1NCE Management API for, shared by the
 * production server (server/app.js) and `npm run dev` (vite.config.ts). Everything else (SIM
 * changes, top-ups, SMS, orders, AWS integrations, the generic PATCH …) is refused before it
 * reaches the upstream. Besides Cloud Integrator the console only reads: administration logs
 * (failure history) and SIMs (real devices in the Preview).
 * Pure: no I/O, so Vite's config can import it.
 */

/** Request headers forwarded to the 1NCE API; never cookies, host, x-forwarded-* or anything else. */
export const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept'];

/**
 * Response headers passed back to the browser: the body's type and what the console reads
 * (src/api/request.ts, src/sims/queries.ts). Never set-cookie, nor www-authenticate: a `Basic`
 * challenge would make the browser put its own password prompt over the console.
 */
export const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'retry-after',
  // GET /v1/sims answers a bare array and pages in these headers (SIM Management spec).
  'x-current-page',
  'x-total-count',
  'x-total-pages',
];

/**
 * An integration id as the API hands them out (`AP3dIUs3c7_Oo2yJYaXWg`, `2BLURnaUZSlbKp6vN1V5dYiJvC4`):
 * letters, digits, `_` and `-` only, so no dots, no `..`, no `%2F`, no empty segment.
 */
const ID = '[A-Za-z0-9_-]{1,64}';

/** An ICCID: 19 digits, or 20 with the Luhn check digit (SIM Management spec). */
const ICCID = '[0-9]{19,20}';

/**
 * Literal segments under /v1/integrate/clouds that are other endpoints, never ids: without this,
 * `GET /v1/integrate/clouds/aws` or `DELETE /v1/integrate/clouds/webhooks` would pass as `{id}`.
 */
const RESERVED_IDS = new Set(['aws', 'webhooks', 'eventTypes']);

/** The endpoints the console uses, `{id}` standing for an integration id, `{iccid}` for an ICCID. */
export const ALLOWED_ENDPOINTS = /** @type {const} */ ([
  ['POST', '/oauth/token'],
  ['GET', '/v1/integrate/clouds'],
  ['GET', '/v1/integrate/clouds/eventTypes'],
  ['GET', '/v1/integrate/clouds/{id}'],
  ['DELETE', '/v1/integrate/clouds/{id}'],
  ['POST', '/v1/integrate/clouds/webhooks'],
  ['PATCH', '/v1/integrate/clouds/webhooks/{id}'],
  ['POST', '/v1/integrate/clouds/webhooks/{id}/test'],
  ['POST', '/v1/integrate/clouds/webhooks/{id}/restart'],
  ['GET', '/v1/administrationLogs'],
  ['GET', '/v1/sims'],
  ['GET', '/v1/sims/{iccid}'],
]);

const RULES = ALLOWED_ENDPOINTS.map(([method, template]) => ({
  method,
  pattern: new RegExp(
    `^${template.replace('{id}', `(?<id>${ID})`).replace('{iccid}', `(?:${ICCID})`)}$`,
  ),
}));

/**
 * Whether the console forwards this request to the 1NCE API.
 * Methods are compared exactly (HTTP methods are case-sensitive) and so are paths: no trailing
 * slash, no `//`, no percent-encoding, no case variants.
 * @param {string} method the HTTP method, e.g. `GET`
 * @param {string} path the path relative to `/management-api`, without the query, not decoded
 * @returns {boolean}
 */
export function isAllowed(method, path) {
  return RULES.some((rule) => {
    if (rule.method !== method) return false;
    const match = rule.pattern.exec(path);
    return match !== null && !RESERVED_IDS.has(match.groups?.id ?? '');
  });
}

/** @type {typeof isAllowed} */
const refuseAll = () => false;

/**
 * The rule for a deployment, shared by the production server and `npm run dev`: a demo-only one
 * (CONSOLE_MODES=demo) has no live mode, so it forwards nothing, not even a token request.
 * @param {readonly import('./modes.js').Mode[]} modes
 * @returns {typeof isAllowed}
 */
export function allowListFor(modes) {
  return modes.includes('live') ? isAllowed : refuseAll;
}

/**
 * The JSON body, in 1NCE's error shape, for a request the console refuses to forward.
 * @param {string} method
 * @param {string} path
 */
export function refusal(method, path) {
  return {
    statusCode: 404,
    statusText: 'Not Found',
    errors: [{ message: `This console does not forward ${method} ${path}` }],
  };
}
