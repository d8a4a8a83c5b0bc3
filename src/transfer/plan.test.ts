import type { IntegrationDetail } from '@/integrations/schemas';
import { createDb } from '@/mocks/db';
import {
  REDACTED,
  toTransferFile,
  type ExportedWebhook,
  type TransferFile,
} from '@/transfer/format';
import { MASK, buildPlan } from '@/transfer/plan';

const fleet: IntegrationDetail = {
  id: 'fleet',
  name: 'Fleet telemetry',
  type: 'WEBHOOK',
  state: 'INTEGRATION_ACTIVE',
  url: 'https://ingest.example.com/fleet',
  headers: { 'x-api-key': 'stored-key', 'x-device-imsi': ':imsi:' },
  eventTypes: [
    { type: 'TELEMETRY_DATA', version: '1.0.0' },
    { type: 'LIFECYCLE', version: '1.0.0' },
  ],
  jsonPayloadEnabled: false,
};
const hidden: IntegrationDetail = {
  ...fleet,
  id: 'hidden',
  name: 'Hidden secret',
  url: 'https://hidden.example.com',
  headers: { authorization: '***', 'x-stream': 'raw' },
};
const aws: IntegrationDetail = {
  id: 'aws',
  name: 'IoT Core',
  type: 'AWS',
  state: 'INTEGRATION_ACTIVE',
  eventTypes: [{ type: 'LOCATION' }],
};
const summaryOnly: IntegrationDetail = {
  id: 'other',
  name: 'Not in the file',
  type: 'WEBHOOK',
  state: 'INTEGRATION_FAILED',
  eventTypes: [{ type: 'ERROR' }],
};
const EXISTING = [fleet, hidden, aws, summaryOnly];

const fileOf = (webhooks: ExportedWebhook[], extra: Partial<TransferFile> = {}): TransferFile => ({
  format: 'integrator-console/webhooks',
  version: 1,
  exportedAt: '2026-12-01T00:00:00.000Z',
  source: 'test',
  webhooks,
  ...extra,
});
const asInFile = (detail: IntegrationDetail, overrides: Partial<ExportedWebhook> = {}) => ({
  name: detail.name,
  url: detail.url!,
  headers: { ...(detail.headers as Record<string, string>) },
  eventTypes: detail.eventTypes.map(({ type }) => ({ type })),
  jsonPayloadEnabled: detail.jsonPayloadEnabled ?? false,
  ...overrides,
});
const fresh = (overrides: Partial<ExportedWebhook> = {}): ExportedWebhook => ({
  name: 'New one',
  url: 'https://new.example.com/hook',
  headers: { 'x-api-key': 'new-key' },
  eventTypes: [{ type: 'ERROR' }],
  jsonPayloadEnabled: true,
  ...overrides,
});
const planOf = (...webhooks: ExportedWebhook[]) => buildPlan(fileOf(webhooks), EXISTING);
const reasonsOf = (entry: ExportedWebhook, existing = EXISTING) =>
  buildPlan(fileOf([entry]), existing).invalid[0]?.reasons ?? [];

describe('buildPlan: categories', () => {
  it('creates what has no namesake, with the form’s request body', () => {
    const plan = planOf(fresh());
    expect(plan.create).toEqual([
      {
        index: 0,
        name: 'New one',
        input: {
          name: 'New one',
          url: 'https://new.example.com/hook',
          headers: { 'x-api-key': 'new-key' },
          eventTypes: [{ type: 'ERROR' }],
          jsonPayloadEnabled: true,
        },
      },
    ]);
    expect(plan.update).toEqual([]);
  });

  it('leaves an identical webhook unchanged, in any header or event type order', () => {
    const entry = asInFile(fleet, {
      headers: { 'x-device-imsi': ':imsi:', 'x-api-key': 'stored-key' },
      eventTypes: [{ type: 'LIFECYCLE' }, { type: 'TELEMETRY_DATA' }],
    });
    expect(planOf(entry).unchanged).toEqual([{ index: 0, name: 'Fleet telemetry', id: 'fleet' }]);
  });

  it('lists only in this account what the file does not name (webhooks and AWS), never deletes', () => {
    const plan = planOf(asInFile(fleet));
    expect(plan.onlyInAccount.map((item) => item.id)).toEqual(['hidden', 'aws', 'other']);
    const withAws = buildPlan(
      fileOf([asInFile(fleet)], { aws: [{ name: 'IoT Core', eventTypes: [] }] }),
      EXISTING,
    );
    expect(withAws.onlyInAccount.map((item) => item.id)).toEqual(['hidden', 'other']);
  });

  it('takes the webhooks of a file without optional fields: a create gets none, an update keeps', () => {
    const { headers: _, jsonPayloadEnabled: __, ...bare } = asInFile(fleet);
    expect(planOf(bare).unchanged).toHaveLength(1);
    const { headers: _h, jsonPayloadEnabled: _j, ...bareNew } = fresh();
    expect(planOf(bareNew).create[0]!.input).toMatchObject({
      headers: {},
      jsonPayloadEnabled: false,
    });
  });
});

describe('buildPlan: the PATCH per update', () => {
  it.each([
    [
      'URL',
      { url: 'https://ingest.example.com/v2' },
      { url: 'https://ingest.example.com/v2' },
      [
        {
          field: 'url',
          before: 'https://ingest.example.com/fleet',
          after: 'https://ingest.example.com/v2',
        },
      ],
    ],
    [
      'an event type added (kept ones keep their version, new ones omit it)',
      { eventTypes: [{ type: 'TELEMETRY_DATA' }, { type: 'LIFECYCLE' }, { type: 'ERROR' }] },
      {
        eventTypes: [
          { type: 'TELEMETRY_DATA', version: '1.0.0' },
          { type: 'LIFECYCLE', version: '1.0.0' },
          { type: 'ERROR' },
        ],
      },
      [
        {
          field: 'eventTypes',
          before: 'Telemetry data, Lifecycle',
          after: 'Telemetry data, Lifecycle, Error',
        },
      ],
    ],
    [
      'JSON payload',
      { jsonPayloadEnabled: true },
      { jsonPayloadEnabled: true },
      [{ field: 'jsonPayloadEnabled', before: 'Off', after: 'On' }],
    ],
    [
      'a plain header value (headers go whole)',
      { headers: { 'x-api-key': 'stored-key', 'x-device-imsi': ':iccid:' } },
      { headers: { 'x-api-key': 'stored-key', 'x-device-imsi': ':iccid:' } },
      [{ field: 'headers', header: 'x-device-imsi', before: ':imsi:', after: ':iccid:' }],
    ],
    [
      'a secret value, masked on both sides',
      { headers: { 'x-api-key': 'rotated', 'x-device-imsi': ':imsi:' } },
      { headers: { 'x-api-key': 'rotated', 'x-device-imsi': ':imsi:' } },
      [{ field: 'headers', header: 'x-api-key', before: MASK, after: MASK }],
    ],
    [
      'a header removed, the redacted secret filled from the stored value',
      { headers: { 'x-api-key': REDACTED } },
      { headers: { 'x-api-key': 'stored-key' } },
      [{ field: 'headers', header: 'x-device-imsi', before: ':imsi:', after: '(none)' }],
    ],
    [
      'a header added next to a redacted secret',
      { headers: { 'x-api-key': REDACTED, 'x-device-imsi': ':imsi:', 'x-new': '1' } },
      { headers: { 'x-api-key': 'stored-key', 'x-device-imsi': ':imsi:', 'x-new': '1' } },
      [{ field: 'headers', header: 'x-new', before: '(none)', after: '1' }],
    ],
  ])('%s', (_, overrides, patch, changes) => {
    const plan = planOf(asInFile(fleet, overrides as Partial<ExportedWebhook>));
    expect(plan.update).toEqual([
      { index: 0, name: 'Fleet telemetry', id: 'fleet', patch, changes },
    ]);
  });

  it('keeps a stored secret for a redacted value: unchanged when nothing else changed', () => {
    expect(
      planOf(asInFile(fleet, { headers: { 'x-api-key': REDACTED, 'x-device-imsi': ':imsi:' } }))
        .unchanged,
    ).toHaveLength(1);
  });

  it('keeps a value 1NCE hides when the headers do not change, refuses it when they do', () => {
    const same = asInFile(hidden, { headers: { authorization: REDACTED, 'x-stream': 'raw' } });
    expect(planOf(same).unchanged).toHaveLength(1);
    const changedUrl = { ...same, url: 'https://hidden.example.com/v2' };
    expect(planOf(changedUrl).update[0]!.patch).toEqual({ url: 'https://hidden.example.com/v2' });
    const changedHeader = { ...same, headers: { authorization: REDACTED, 'x-stream': 'cooked' } };
    expect(reasonsOf(changedHeader)).toEqual([
      'Header authorization: 1NCE did not return its stored value, and the headers change: enter the value in the file',
    ]);
  });
});

describe('buildPlan: invalid entries', () => {
  it('a redacted value on a create, or on an update without that header', () => {
    expect(reasonsOf(fresh({ headers: { authorization: REDACTED } }))).toEqual([
      'Header authorization: enter the secret value (the file says <redacted>)',
    ]);
    expect(reasonsOf(asInFile(fleet, { headers: { 'x-other-token': REDACTED } }))).toEqual([
      'Header x-other-token: enter the secret value (the file says <redacted> and this webhook has no such header)',
    ]);
  });

  it.each([
    [
      'http',
      { url: 'http://plain.example.com' },
      'Endpoint URL: 1NCE only delivers to https:// endpoints',
    ],
    ['no URL', { url: '' }, 'Endpoint URL: Enter the endpoint URL'],
    [
      'a relative URL',
      { url: 'hook' },
      'Endpoint URL: Enter an absolute URL such as https://example.com/hook',
    ],
    [
      'credentials in the URL',
      { url: 'https://u:p@x.example.com' },
      'Endpoint URL: Do not put credentials in the URL: add them as an HTTP header instead',
    ],
    ['an empty name', { name: '  ' }, 'Name: Enter an integration name'],
    ['a 129-character name', { name: 'n'.repeat(129) }, 'Name: Use at most 128 characters'],
    ['no event type', { eventTypes: [] }, 'Event types: Choose at least one event type'],
    [
      'an unknown event type',
      { eventTypes: [{ type: 'SMS' }] },
      'Event types: SMS is not an event type a webhook can subscribe to',
    ],
    [
      'a header name with a space',
      { headers: { 'x bad': '1' } },
      'Header x bad: Use letters, digits and - _ . only: no spaces or colons',
    ],
    [
      'a reserved header',
      { headers: { Host: 'a' } },
      'Header Host: 1NCE sets Host itself; remove this header',
    ],
    [
      'a value with a line break',
      { headers: { 'x-a': 'a\nb' } },
      'Header x-a: A header value cannot contain line breaks',
    ],
    [
      'an empty credential',
      { headers: { 'x-api-key': '' } },
      'Header x-api-key: Enter a value or remove the header',
    ],
    [
      'emoji in a value',
      { headers: { 'x-a': '🙂' } },
      'Header x-a: Header values can only hold Latin-1 characters (no emoji or other scripts)',
    ],
  ])('%s, by the form’s rules', (_, overrides, reason) => {
    expect(reasonsOf(fresh(overrides))).toContain(reason);
    // The same rules for an update.
    if (!('name' in overrides)) expect(reasonsOf(asInFile(fleet, overrides))).toContain(reason);
  });

  it('every entry sharing a name or a URL with another in the file', () => {
    const plan = planOf(
      fresh({ name: 'Twin', url: 'https://a.example.com' }),
      fresh({ name: 'Twin', url: 'https://b.example.com' }),
      fresh({ name: 'Third', url: 'https://A.example.com/' }),
      fresh({ name: 'Fine', url: 'https://c.example.com' }),
    );
    expect(plan.invalid).toEqual([
      {
        index: 0,
        name: 'Twin',
        reasons: [
          'Same name as webhooks[1] in this file',
          'Same Endpoint URL as webhooks[2] in this file',
        ],
      },
      { index: 1, name: 'Twin', reasons: ['Same name as webhooks[0] in this file'] },
      { index: 2, name: 'Third', reasons: ['Same Endpoint URL as webhooks[0] in this file'] },
    ]);
    expect(plan.create.map((entry) => entry.name)).toEqual(['Fine']);
  });

  it('a name an AWS integration has, or that several integrations share', () => {
    expect(reasonsOf(fresh({ name: 'IoT Core' }))).toEqual([
      'An integration of another type (AWS) has this name in this account',
    ]);
    const twice = [fleet, { ...fleet, id: 'fleet-2', url: 'https://elsewhere.example.com' }];
    expect(reasonsOf(asInFile(fleet), twice)).toEqual([
      '2 integrations in this account have this name',
    ]);
  });

  it('matches names exactly', () => {
    expect(
      planOf(asInFile(fleet, { name: 'fleet telemetry', url: 'https://x.example.com' })).create,
    ).toHaveLength(1);
  });
});

describe('buildPlan: export then import', () => {
  it('re-importing an export of the demo account changes nothing', () => {
    const details = createDb().list();
    const webhooks = details.filter((item) => item.type === 'WEBHOOK');
    const file = toTransferFile({
      webhooks,
      aws: details.filter((item) => item.type !== 'WEBHOOK'),
      includeSecrets: false,
      source: 'demo',
      now: new Date(),
    });
    const plan = buildPlan(file, details);
    expect(plan.unchanged).toHaveLength(webhooks.length);
    expect([...plan.create, ...plan.update, ...plan.invalid, ...plan.onlyInAccount]).toEqual([]);
  });

  it('builds the plan for 500 entries quickly', () => {
    const existing: IntegrationDetail[] = Array.from({ length: 250 }, (_, index) => ({
      ...fleet,
      id: `id-${index}`,
      name: `Webhook ${index}`,
      url: `https://hooks.example.com/${index}`,
    }));
    const webhooks = Array.from({ length: 500 }, (_, index) =>
      asInFile(fleet, {
        name: `Webhook ${index}`,
        url: `https://hooks.example.com/${index}`,
        headers: {
          'x-api-key': index < 250 && index % 2 ? REDACTED : 'other',
          'x-device-imsi': ':imsi:',
        },
      }),
    );
    const started = performance.now();
    const plan = buildPlan(fileOf(webhooks), existing);
    const elapsed = performance.now() - started;
    console.info(`buildPlan, 500 entries against 250 webhooks: ${elapsed.toFixed(1)} ms`);
    expect([plan.create.length, plan.update.length, plan.unchanged.length]).toEqual([
      250, 125, 125,
    ]);
    expect(elapsed).toBeLessThan(1000);
  });
});
