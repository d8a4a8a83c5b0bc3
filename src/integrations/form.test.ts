import { ApiError, NetworkError } from '@/api/errors';
import {
  blockedHeaders,
  emptyWebhookForm,
  headersToRows,
  placeServerError,
  rowsToHeaders,
  toFormValues,
  toWebhookInput,
  toWebhookPatch,
  webhookFormSchema,
  type WebhookFormValues,
} from '@/integrations/form';
import type { IntegrationDetail } from '@/integrations/schemas';
import { isSecretName } from '@/placeholders/secrets';

const original: IntegrationDetail = {
  id: 'AP3dIUs3c7_Oo2yJYaXWg',
  name: 'Fleet telemetry',
  state: 'INTEGRATION_ACTIVE',
  type: 'WEBHOOK',
  url: 'https://hooks.example.com/1nce?iccid=:iccid:',
  headers: { 'x-api-key': 'secret', 'x-device-imsi': ':imsi:' },
  eventTypes: [
    { type: 'TELEMETRY_DATA', version: '1.0.0' },
    { type: 'LIFECYCLE', version: '1.0.0' },
  ],
  jsonPayloadEnabled: false,
  createdTime: '2026-01-01T00:00:00.000Z',
  updatedTime: '2026-01-02T00:00:00.000Z',
};

const valid: WebhookFormValues = {
  name: 'Fleet telemetry',
  url: 'https://hooks.example.com/1nce',
  headers: [{ key: 'x-api-key', value: 'abc' }],
  eventTypes: ['TELEMETRY_DATA'],
  jsonPayloadEnabled: false,
};

describe('headers rows ↔ object', () => {
  it.each([
    [{}, []],
    [{ a: '1' }, [{ key: 'a', value: '1' }]],
    [
      { 'x-api-key': 'k', 'x-device-ip': ':ip:' },
      [
        { key: 'x-api-key', value: 'k' },
        { key: 'x-device-ip', value: ':ip:' },
      ],
    ],
  ])('%j round-trips', (headers, rows) => {
    expect(headersToRows(headers)).toEqual(rows);
    expect(rowsToHeaders(rows)).toEqual(headers);
  });

  it('reads undefined headers as no rows and numbers as text', () => {
    expect(headersToRows(undefined)).toEqual([]);
    expect(headersToRows({ n: 5, b: true })).toEqual([
      { key: 'n', value: '5' },
      { key: 'b', value: 'true' },
    ]);
  });

  it.each([
    ['null', null],
    ['an object', { nested: 'x' }],
    ['an array', ['a']],
    ['a mask of asterisks', '********'],
    ['a mask of dots', '••••••'],
  ])('marks a value it cannot read back (%s) as unreadable, never as text', (_, value) => {
    expect(headersToRows({ 'x-api-key': value })).toEqual([
      { key: 'x-api-key', value: '', unreadable: true },
    ]);
  });

  it('trims names but keeps values exactly', () => {
    expect(rowsToHeaders([{ key: ' x-a ', value: ' v ' }])).toEqual({ 'x-a': ' v ' });
  });
});

describe('toFormValues / toWebhookInput', () => {
  it('maps a webhook into the form', () => {
    expect(toFormValues(original)).toEqual({
      name: 'Fleet telemetry',
      url: 'https://hooks.example.com/1nce?iccid=:iccid:',
      headers: [
        { key: 'x-api-key', value: 'secret' },
        { key: 'x-device-imsi', value: ':imsi:' },
      ],
      eventTypes: ['TELEMETRY_DATA', 'LIFECYCLE'],
      jsonPayloadEnabled: false,
    });
  });

  it('builds a create body with headers {} when there are none and no versions', () => {
    expect(toWebhookInput({ ...valid, headers: [], url: ' https://a.example/x ' })).toEqual({
      name: 'Fleet telemetry',
      url: 'https://a.example/x',
      headers: {},
      eventTypes: [{ type: 'TELEMETRY_DATA' }],
      jsonPayloadEnabled: false,
    });
  });
});

describe('toWebhookPatch', () => {
  const unchanged = toFormValues(original);

  it.each<[string, Partial<WebhookFormValues>, object]>([
    ['nothing changed', {}, {}],
    ['only url', { url: 'https://other.example/x' }, { url: 'https://other.example/x' }],
    ['url with spaces around only', { url: ` ${original.url} ` }, {}],
    [
      'a header value',
      {
        headers: [
          { key: 'x-api-key', value: 'new' },
          { key: 'x-device-imsi', value: ':imsi:' },
        ],
      },
      { headers: { 'x-api-key': 'new', 'x-device-imsi': ':imsi:' } },
    ],
    [
      'header order only',
      {
        headers: [
          { key: 'x-device-imsi', value: ':imsi:' },
          { key: 'x-api-key', value: 'secret' },
        ],
      },
      {},
    ],
    ['all headers removed', { headers: [] }, { headers: {} }],
    [
      'event types, keeping known versions',
      { eventTypes: ['LIFECYCLE', 'ERROR'] },
      { eventTypes: [{ type: 'LIFECYCLE', version: '1.0.0' }, { type: 'ERROR' }] },
    ],
    ['event type order only', { eventTypes: ['LIFECYCLE', 'TELEMETRY_DATA'] }, {}],
    ['parse JSON toggled', { jsonPayloadEnabled: true }, { jsonPayloadEnabled: true }],
    ['name is never sent', { name: 'Renamed' }, {}],
    [
      'a header renamed',
      {
        headers: [
          { key: 'x-api-token', value: 'secret' },
          { key: 'x-device-imsi', value: ':imsi:' },
        ],
      },
      { headers: { 'x-api-token': 'secret', 'x-device-imsi': ':imsi:' } },
    ],
    [
      'a header added',
      { headers: [...unchanged.headers, { key: 'x-b', value: 'b' }] },
      { headers: { 'x-api-key': 'secret', 'x-device-imsi': ':imsi:', 'x-b': 'b' } },
    ],
    [
      'a header name with spaces around only',
      {
        headers: [
          { key: ' x-api-key ', value: 'secret' },
          { key: 'x-device-imsi', value: ':imsi:' },
        ],
      },
      {},
    ],
  ])('%s', (_, change, expected) => {
    expect(toWebhookPatch(original, { ...unchanged, ...change })).toEqual(expected);
  });

  describe('with a value 1NCE returned unreadably (withheld)', () => {
    const masked: IntegrationDetail = {
      ...original,
      headers: { 'x-api-key': '****', 'x-device-imsi': ':imsi:' },
    };
    const start = toFormValues(masked);

    it('leaves headers out when no header changed, so 1NCE keeps the stored value', () => {
      const values = { ...start, url: 'https://other.example/x' };
      expect(toWebhookPatch(masked, values)).toEqual({ url: 'https://other.example/x' });
      expect(blockedHeaders(masked, values)).toEqual([]);
    });

    it('blocks a save that would send headers, naming the header', () => {
      const values = { ...start, headers: [...start.headers, { key: 'x-b', value: 'b' }] };
      expect(blockedHeaders(masked, values)).toEqual([{ index: 0, name: 'x-api-key' }]);
    });

    it('sends the value once retyped, or nothing of it once removed', () => {
      const retyped = {
        ...start,
        headers: [{ ...start.headers[0]!, value: 'new' }, start.headers[1]!],
      };
      expect(blockedHeaders(masked, retyped)).toEqual([]);
      expect(toWebhookPatch(masked, retyped)).toEqual({
        headers: { 'x-api-key': 'new', 'x-device-imsi': ':imsi:' },
      });
      const removed = { ...start, headers: [start.headers[1]!] };
      expect(blockedHeaders(masked, removed)).toEqual([]);
      expect(toWebhookPatch(masked, removed)).toEqual({ headers: { 'x-device-imsi': ':imsi:' } });
    });
  });
});

describe('webhookFormSchema', () => {
  const errorFor = (values: Partial<WebhookFormValues>) => {
    const result = webhookFormSchema.safeParse({ ...valid, ...values });
    return result.success ? null : result.error.issues[0];
  };

  it('accepts a valid webhook', () => {
    expect(errorFor({})).toBeNull();
  });

  it('puts every URL problem in the form error, one per line', () => {
    const result = webhookFormSchema.safeParse({ ...valid, url: 'http://a b' });
    expect(result.error?.issues.find((issue) => issue.path[0] === 'url')?.message).toBe(
      '1NCE only delivers to https:// endpoints\nA URL cannot contain spaces',
    );
  });

  it.each<[string, Partial<WebhookFormValues>, string, string]>([
    ['empty name', { name: '' }, 'name', 'Enter an integration name'],
    ['blank name', { name: '   ' }, 'name', 'Enter an integration name'],
    ['129-character name', { name: 'x'.repeat(129) }, 'name', 'Use at most 128 characters'],
    ['empty URL', { url: '' }, 'url', 'Enter the endpoint URL'],
    [
      'http URL',
      { url: 'http://example.com/x' },
      'url',
      '1NCE only delivers to https:// endpoints',
    ],
    ['ftp URL', { url: 'ftp://example.com/x' }, 'url', '1NCE only delivers to https:// endpoints'],
    ['space inside the URL', { url: 'https://exa mple.com' }, 'url', 'A URL cannot contain spaces'],
    [
      'no scheme',
      { url: 'example.com/hook' },
      'url',
      'Enter an absolute URL such as https://example.com/hook',
    ],
    [
      'no host',
      { url: 'https://' },
      'url',
      'Enter an absolute URL such as https://example.com/hook',
    ],
    ['no event type', { eventTypes: [] }, 'eventTypes', 'Choose at least one event type'],
    [
      'empty header name',
      { headers: [{ key: '', value: 'v' }] },
      'headers.0.key',
      'Enter a header name',
    ],
    [
      'header name with a space',
      { headers: [{ key: 'x api', value: 'v' }] },
      'headers.0.key',
      'Use letters, digits and - _ . only: no spaces or colons',
    ],
    [
      'header name with a colon',
      { headers: [{ key: 'x:api', value: 'v' }] },
      'headers.0.key',
      'Use letters, digits and - _ . only: no spaces or colons',
    ],
    [
      'duplicate header ignoring case',
      {
        headers: [
          { key: 'X-Api-Key', value: 'a' },
          { key: 'x-api-key', value: 'b' },
        ],
      },
      'headers.1.key',
      'Duplicate of header 1: names ignore case',
    ],
    [
      'empty credential value',
      { headers: [{ key: 'x-portal-secret', value: '' }] },
      'headers.0.value',
      'Enter a value or remove the header',
    ],
    [
      'newline in a header value',
      { headers: [{ key: 'x-a', value: 'a\nb' }] },
      'headers.0.value',
      'A header value cannot contain line breaks',
    ],
  ])('rejects %s', (_, values, path, message) => {
    const issue = errorFor(values);
    expect(issue?.path.join('.')).toBe(path);
    expect(issue?.message).toBe(message);
  });

  it.each([
    ['128-character name', { name: 'x'.repeat(128) }],
    ['emoji name', { name: 'Kühlkette 🚚' }],
    ['placeholders in URL', { url: 'https://e.example/x?iccid=:iccid:&ip=:ip:' }],
    ['URL with surrounding spaces', { url: '  https://e.example/x  ' }],
    ['empty header value', { headers: [{ key: 'x-empty', value: '' }] }],
    [
      'an unreadable credential (checked at save time)',
      { headers: [{ key: 'x-api-key', value: '', unreadable: true }] },
    ],
  ])('accepts %s', (_, values) => {
    expect(errorFor(values)).toBeNull();
  });

  it('starts from an empty create form that is invalid until filled', () => {
    expect(webhookFormSchema.safeParse(emptyWebhookForm).success).toBe(false);
  });
});

describe('placeServerError', () => {
  it('puts a 409 on the URL field', () => {
    const placement = placeServerError(
      new ApiError(409, 'Conflict', { statusCode: 409, errors: [] }),
    );
    expect(placement.fields).toEqual([
      { field: 'url', message: expect.stringMatching(/already uses/) },
    ]);
    expect(placement.form).toBeUndefined();
  });

  it('puts 400 errors next to the fields they name and the rest above the form', () => {
    const error = new ApiError(400, 'Bad Request', {
      statusCode: 400,
      statusText: 'Bad Request',
      errors: [
        { property: 'url', message: 'must be HTTPS' },
        { path: ['eventTypes', 0, 'type'], message: 'unknown type' },
        { property: 'color', message: 'not allowed' },
      ],
    });
    expect(placeServerError(error)).toEqual({
      fields: [
        { field: 'url', message: 'must be HTTPS' },
        { field: 'eventTypes', message: 'unknown type' },
      ],
      form: 'The API rejected the webhook: color: not allowed',
    });
  });

  it('explains a 400 without details above the form', () => {
    const placement = placeServerError(new ApiError(400, 'Bad Request', { errors: ['{}', '{}'] }));
    expect(placement).toEqual({ fields: [], form: 'The API rejected the request.' });
  });

  it('explains network errors and server errors above the form', () => {
    expect(placeServerError(new NetworkError(new TypeError('fetch failed'))).form).toMatch(
      /could not reach/,
    );
    expect(placeServerError(new ApiError(500, 'Server Error', undefined)).form).toMatch(
      /internal error/,
    );
  });
});

describe('isSecretName', () => {
  it.each([
    ['Authorization', true],
    ['x-api-key', true],
    ['X-Auth-Token', true],
    ['client_secret', true],
    ['db-password', true],
    ['x-device-iccid', false],
    ['content-type', false],
  ])('%s → %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });
});
