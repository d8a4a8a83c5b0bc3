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
import { MATRIX_FAULTS, type MatrixFault } from '@/test/fault-matrix';

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

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const header = (key: string, value = 'v'): Partial<WebhookFormValues> => ({
  headers: [{ key, value }],
});

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

  // Bad and odd input across the form: each is either rejected with a message at the field it
  // concerns (exact where the wording matters, a pattern where the case only needs the right
  // rule), or accepted (and then rendered as text by React, never as markup: see e2e/hostile).
  it.each<[string, Partial<WebhookFormValues>, string | null, string | RegExp | null]>([
    // names
    ['empty name', { name: '' }, 'name', 'Enter an integration name'],
    ['blank name', { name: '   ' }, 'name', 'Enter an integration name'],
    ['whitespace name', { name: ' \t ' }, 'name', 'Enter an integration name'],
    ['128-character name', { name: 'n'.repeat(128) }, null, null],
    ['129-character name', { name: 'x'.repeat(129) }, 'name', 'Use at most 128 characters'],
    ['emoji name', { name: 'Kühlkette 🚚❄️' }, null, null],
    ['RTL name', { name: 'تكامل الأجهزة' }, null, null],
    ['mixed direction name with override char', { name: 'abc\u202Eexe.txt' }, null, null],
    ['script name', { name: SCRIPT }, null, null],
    ['img onerror name', { name: IMG }, null, null],
    ['template-literal name', { name: '${alert(1)}{{7*7}}' }, null, null],
    // URLs
    ['empty URL', { url: '' }, 'url', 'Enter the endpoint URL'],
    [
      'http URL',
      { url: 'http://example.com/x' },
      'url',
      '1NCE only delivers to https:// endpoints',
    ],
    ['ftp URL', { url: 'ftp://example.com/x' }, 'url', '1NCE only delivers to https:// endpoints'],
    ['javascript: URL', { url: 'javascript:alert(1)' }, 'url', /only delivers to https/],
    ['data: URL', { url: 'data:text/html,<b>x</b>' }, 'url', /only delivers to https/],
    [
      'no host',
      { url: 'https://' },
      'url',
      'Enter an absolute URL such as https://example.com/hook',
    ],
    [
      'no scheme',
      { url: 'example.com/hook' },
      'url',
      'Enter an absolute URL such as https://example.com/hook',
    ],
    ['relative path', { url: '/hook' }, 'url', /absolute URL/],
    ['space inside the URL', { url: 'https://exa mple.com' }, 'url', 'A URL cannot contain spaces'],
    ['tab inside', { url: 'https://hooks.example.com/a\tb' }, 'url', /spaces/],
    ['newline inside', { url: 'https://hooks.example.com/a\nb' }, 'url', /spaces/],
    ['4 KB long', { url: `https://hooks.example.com/${'a'.repeat(4096)}` }, 'url', /at most 2048/],
    [
      '2048 characters exactly',
      { url: `https://h.example.com/${'a'.repeat(2048 - 22)}` },
      null,
      null,
    ],
    ['userinfo', { url: 'https://user:pass@hooks.example.com/x' }, 'url', /credentials/],
    [
      'IDN host',
      { url: 'https://bücher.example/x' },
      'url',
      /punycode form of the host: xn--bcher-kva\.example/,
    ],
    ['punycode host', { url: 'https://xn--bcher-kva.example/x' }, null, null],
    ['IPv4 literal', { url: 'https://203.0.113.7/x' }, null, null],
    ['IPv4 literal with port', { url: 'https://203.0.113.7:8443/x' }, null, null],
    ['IPv6 literal', { url: 'https://[2001:db8::1]/x' }, null, null],
    ['IPv6 literal with port', { url: 'https://[2001:db8::1]:8443/x?ip=:ip:' }, null, null],
    [
      'placeholder in host',
      { url: 'https://:iccid:.hooks.example.com/x' },
      'url',
      /cannot be used in the host/,
    ],
    ['placeholder as host', { url: 'https://:ip:/x' }, 'url', /cannot be used in the host/],
    ['placeholders in URL', { url: 'https://e.example/x?iccid=:iccid:&ip=:ip:' }, null, null],
    [
      'placeholders in path and query',
      { url: 'https://h.example.com/:iccid:?imsi=:imsi:' },
      null,
      null,
    ],
    ['URL with surrounding spaces', { url: '  https://e.example/x  ' }, null, null],
    ['script in URL', { url: `https://h.example.com/${SCRIPT}` }, null, null],
    [
      'quotes and angle brackets in query',
      { url: 'https://h.example.com/?q="><svg/onload=1>' },
      null,
      null,
    ],
    ['URL with fragment', { url: 'https://h.example.com/x#frag' }, null, null],
    // header names
    ['empty header name', header(''), 'headers.0.key', 'Enter a header name'],
    ['blank header name', header('   '), 'headers.0.key', /Enter a header name/],
    [
      'header name with a space',
      header('x api'),
      'headers.0.key',
      'Use letters, digits and - _ . only: no spaces or colons',
    ],
    [
      'header name with a colon',
      header('x:api'),
      'headers.0.key',
      'Use letters, digits and - _ . only: no spaces or colons',
    ],
    ['unicode header name', header('x-gerät'), 'headers.0.key', /no spaces or colons/],
    ['Host header', header('Host'), 'headers.0.key', /1NCE sets Host itself/],
    [
      'Content-Length header',
      header('Content-Length'),
      'headers.0.key',
      /1NCE sets Content-Length itself/,
    ],
    [
      'Transfer-Encoding header',
      header('transfer-encoding'),
      'headers.0.key',
      /sets transfer-encoding itself/,
    ],
    ['257-character header name', header('x'.repeat(257)), 'headers.0.key', /at most 256/],
    ['script as header name', header(SCRIPT), 'headers.0.key', /no spaces or colons/],
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
    ['token characters', header("x-!#$%&'*+.^_`|~"), null, null],
    // header values
    [
      'empty credential value',
      header('x-portal-secret', ''),
      'headers.0.value',
      'Enter a value or remove the header',
    ],
    [
      'an unreadable credential (checked at save time)',
      { headers: [{ key: 'x-api-key', value: '', unreadable: true }] },
      null,
      null,
    ],
    [
      'newline in a header value',
      header('x-a', 'a\nb'),
      'headers.0.value',
      'A header value cannot contain line breaks',
    ],
    ['carriage return in value', header('x-a', 'a\rb'), 'headers.0.value', /line breaks/],
    ['NUL in value', header('x-a', 'a\0b'), 'headers.0.value', /line breaks/],
    ['8 KB value', header('x-a', 'v'.repeat(8192)), 'headers.0.value', /at most 4096/],
    ['4096-character value', header('x-a', 'v'.repeat(4096)), null, null],
    ['emoji in value', header('x-a', 'hi 🚚'), 'headers.0.value', /Latin-1/],
    ['Latin-1 value', header('x-a', 'Grüße'), null, null],
    ['empty header value', header('x-empty', ''), null, null],
    ['script in value', header('x-a', SCRIPT), null, null],
    ['img onerror in value', header('x-a', IMG), null, null],
    ['placeholders in value', header('x-device', ':iccid:/:imsi:/:ip:'), null, null],
    // event types
    ['no event type', { eventTypes: [] }, 'eventTypes', 'Choose at least one event type'],
  ])('%s', (_, values, path, message) => {
    const issue = errorFor(values);
    expect(issue?.path.join('.') ?? null).toBe(path);
    expect(issue?.message ?? null).toEqual(
      message instanceof RegExp ? expect.stringMatching(message) : message,
    );
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
      { field: 'url', message: expect.stringMatching(/already uses/), type: 'conflict' },
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

describe('placeServerError for each fault of the e2e fault matrix, as create and edit show it', () => {
  const CONFLICT =
    'Another webhook already uses this Endpoint URL. 1NCE allows one webhook per URL: change the URL or edit that webhook.';
  it.each<[MatrixFault, ReturnType<typeof placeServerError>]>([
    [
      '400 with an errors list',
      { fields: [{ field: 'url', message: 'url is not reachable from 1NCE' }] },
    ],
    ['403', { fields: [], form: 'Your API user is not allowed to do this.' }],
    [
      '404 (deleted in another tab)',
      {
        fields: [],
        form: 'The 1NCE API found nothing there: it no longer exists or never did.',
      },
    ],
    ['409', { fields: [{ field: 'url', message: CONFLICT, type: 'conflict' }] }],
    [
      '429 with Retry-After',
      { fields: [], form: 'Too many requests to the 1NCE API. Try again in 2 s.' },
    ],
    ['500', { fields: [], form: 'The 1NCE API had an internal error. Try again in a moment.' }],
    ['503', { fields: [], form: 'The 1NCE API is unavailable. Try again in a moment.' }],
    [
      'network down',
      {
        fields: [],
        form: 'The console could not reach the server. Check your connection and try again.',
      },
    ],
  ])('%s', (fault, placement) => {
    expect(placeServerError(MATRIX_FAULTS[fault])).toEqual(placement);
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
