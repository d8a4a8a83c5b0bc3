import { describe, expect, it } from 'vitest';
import { ALLOWED_ENDPOINTS, allowListFor, isAllowed, refusal } from './allow-list.js';

const ID = 'AP3dIUs3c7_Oo2yJYaXWg';

describe('isAllowed', () => {
  it.each([
    ['POST', '/oauth/token'],
    ['GET', '/v1/integrate/clouds'],
    ['GET', '/v1/integrate/clouds/eventTypes'],
    ['GET', `/v1/integrate/clouds/${ID}`],
    ['GET', '/v1/integrate/clouds/2BLURnaUZSlbKp6vN1V5dYiJvC4'],
    ['GET', '/v1/integrate/clouds/a-b_c-1'],
    ['GET', `/v1/integrate/clouds/${'x'.repeat(64)}`],
    ['DELETE', `/v1/integrate/clouds/${ID}`],
    ['POST', '/v1/integrate/clouds/webhooks'],
    ['PATCH', `/v1/integrate/clouds/webhooks/${ID}`],
    ['POST', `/v1/integrate/clouds/webhooks/${ID}/test`],
    ['POST', `/v1/integrate/clouds/webhooks/${ID}/restart`],
    ['GET', '/v1/administrationLogs'],
    ['GET', '/v1/sims'],
    ['GET', '/v1/sims/8988280666000000000'],
    ['GET', '/v1/sims/89882806660000000007'],
  ])('forwards %s %s', (method, path) => {
    expect(isAllowed(method, path)).toBe(true);
  });

  it.each([
    // Other parts of the Management API: SIM changes, orders, products, AWS integrations.
    ['POST', '/v1/sims'],
    ['PATCH', '/v1/sims/8988280666000000000'],
    ['PUT', '/v1/sims/8988280666000000000'],
    ['DELETE', '/v1/sims/8988280666000000000'],
    ['POST', '/v1/sims/8988280666000000000/topup'],
    ['POST', '/v1/sims/8988280666000000000/sms'],
    ['GET', '/v1/sims/8988280666000000000/sms'],
    ['POST', '/v1/sims/8988280666000000000/reset'],
    ['GET', '/v1/sims/8988280666000000000/connectivity_info'],
    ['GET', '/v1/sims/8988280666000000000/quota/data'],
    ['GET', '/v1/sims/8988280666000000000/events'],
    ['POST', '/v1/sims/8988280666000000000/transfer'],
    ['POST', '/v1/sims/simTransfer'],
    ['POST', '/v1/sims/topup'],
    ['POST', '/v1/sims/autoTopup'],
    ['GET', '/v1/sims/limits'],
    ['POST', '/v1/sims/limits'],
    ['POST', '/v1/sims/extension'],
    ['GET', '/v1/sims/8988280666000000000/status'],
    ['GET', '/v1/sims/8988280666000000000/usage'],
    ['GET', '/v1/administrationLogs/stats'],
    ['GET', '/v1/administrationLogs/abc/payload'],
    ['GET', '/v1/sims/898828066600000000'],
    ['GET', '/v1/sims/898828066600000000000'],
    ['GET', '/v1/sims/8988280666000000000a'],
    ['GET', '/v1/sims/'],
    ['GET', '/v1/sims/%38988280666000000000'],
    ['POST', '/v1/administrationLogs'],
    ['DELETE', '/v1/administrationLogs'],
    ['GET', '/v1/administrationLogs/abc'],
    ['GET', '/v1/administrationlogs'],
    ['GET', '/v1/orders'],
    ['POST', '/v1/orders'],
    ['GET', '/v1/products'],
    ['POST', '/v1/integrate/clouds/aws'],
    ['GET', '/v1/integrate/clouds/aws'],
    ['GET', '/v1/integrate/clouds/aws/parameters'],
    ['POST', `/v1/integrate/clouds/aws/${ID}/test`],
    ['DELETE', '/v1/integrate/clouds/webhooks'],
    ['DELETE', '/v1/integrate/clouds/eventTypes'],
    ['GET', '/v1/integrate/clouds/webhooks'],
    // Allowed paths with the wrong method.
    ['GET', '/oauth/token'],
    ['DELETE', '/oauth/token'],
    ['POST', '/v1/integrate/clouds'],
    ['DELETE', '/v1/integrate/clouds'],
    ['PUT', `/v1/integrate/clouds/${ID}`],
    ['PATCH', `/v1/integrate/clouds/${ID}`], // the generic PATCH: the console only uses /webhooks/{id}
    ['POST', `/v1/integrate/clouds/${ID}`],
    ['GET', `/v1/integrate/clouds/webhooks/${ID}`],
    ['DELETE', `/v1/integrate/clouds/webhooks/${ID}`],
    ['GET', `/v1/integrate/clouds/webhooks/${ID}/test`],
    ['PATCH', `/v1/integrate/clouds/webhooks/${ID}/restart`],
    ['HEAD', '/v1/integrate/clouds'],
    ['OPTIONS', '/v1/integrate/clouds'],
    // Case variants of methods and paths.
    ['post', '/oauth/token'],
    ['Get', '/v1/integrate/clouds'],
    ['POST', '/OAuth/token'],
    ['GET', '/V1/integrate/clouds'],
    ['GET', '/v1/integrate/Clouds'],
    ['GET', '/v1/integrate/clouds/eventtypes/x'],
    ['POST', '/v1/integrate/clouds/Webhooks'],
    ['POST', `/v1/integrate/clouds/webhooks/${ID}/Test`],
    // Traversal, encoded separators, dots.
    ['GET', '/v1/integrate/clouds/../sims'],
    ['GET', '/v1/integrate/clouds/..'],
    ['GET', '/v1/integrate/clouds/.'],
    ['GET', '/v1/integrate/clouds/%2e%2e'],
    ['GET', '/v1/integrate/clouds/%2E%2E/sims'],
    ['GET', '/v1/integrate/clouds/..%2Fsims'],
    ['GET', '/v1/integrate/clouds/%2Fsims'],
    ['GET', '/v1/integrate/clouds/%2fsims'],
    ['GET', '/v1/integrate/clouds/a%5Cb'],
    ['GET', '/v1/integrate/clouds/a\\b'],
    ['GET', `/v1/integrate/clouds/${ID}.json`],
    ['POST', `/v1/integrate/clouds/webhooks/${ID}/../../aws`],
    ['POST', '/oauth/../v1/sims'],
    // Doubled slashes, trailing junk, empty or oversized ids.
    ['GET', '//v1/integrate/clouds'],
    ['GET', '/v1//integrate/clouds'],
    ['GET', '/v1/integrate/clouds/'],
    ['GET', '/v1/integrate/clouds//'],
    ['GET', `/v1/integrate/clouds//${ID}`],
    ['POST', '/oauth/token/'],
    ['POST', '/oauth/tokenx'],
    ['POST', '/oauth/token;x'],
    ['GET', '/v1/integrate/clouds?x=1'],
    ['GET', '/v1/integrate/clouds#x'],
    ['GET', '/v1/integrate/clouds/eventTypes/'],
    ['POST', `/v1/integrate/clouds/webhooks/${ID}/test/`],
    ['POST', `/v1/integrate/clouds/webhooks/${ID}/test/x`],
    ['GET', `/v1/integrate/clouds/${ID} `],
    ['GET', `/v1/integrate/clouds/${ID}\n`],
    ['GET', `/v1/integrate/clouds/${'x'.repeat(65)}`],
    ['GET', '/v1/integrate/clouds/ä'],
    ['GET', 'v1/integrate/clouds'],
    ['GET', '/management-api/v1/integrate/clouds'],
    ['GET', ''],
    ['GET', '/'],
    ['POST', ''],
  ])('refuses %s %j', (method, path) => {
    expect(isAllowed(method, path)).toBe(false);
  });

  it('lists the twelve endpoints the console uses', () => {
    expect(ALLOWED_ENDPOINTS).toHaveLength(12);
    for (const [method, template] of ALLOWED_ENDPOINTS) {
      const path = template.replace('{id}', ID).replace('{iccid}', '8988280666000000000');
      expect(isAllowed(method, path)).toBe(true);
    }
  });
});

describe('allowListFor', () => {
  it.each([[['demo', 'live']], [['live', 'demo']], [['live']]])(
    'is the allow-list where live mode is offered (%j)',
    (modes) => {
      expect(allowListFor(/** @type {import('./modes.js').Mode[]} */ (modes))).toBe(isAllowed);
    },
  );

  it('refuses every endpoint where only the demo is offered: there is no live mode', () => {
    const forwarded = allowListFor(['demo']);
    for (const [method, template] of ALLOWED_ENDPOINTS) {
      const path = template.replace('{id}', ID).replace('{iccid}', '8988280666000000000');
      expect(isAllowed(method, path), `${method} ${path}`).toBe(true);
      expect(forwarded(method, path), `${method} ${path}`).toBe(false);
    }
  });
});

describe('refusal', () => {
  it('answers in 1NCE error shape', () => {
    expect(refusal('GET', '/v1/sims')).toEqual({
      statusCode: 404,
      statusText: 'Not Found',
      errors: [{ message: 'This console does not forward GET /v1/sims' }],
    });
  });
});
