import type { IntegrationDetail } from '@/integrations/schemas';
import {
  MAX_FILE_BYTES,
  MAX_FILE_WEBHOOKS,
  REDACTED,
  exportFileName,
  readTransferFile,
  serializeTransferFile,
  toTransferFile,
  type TransferFile,
} from '@/transfer/format';

const webhook = (overrides: Partial<IntegrationDetail> = {}): IntegrationDetail => ({
  id: 'w1',
  name: 'Fleet telemetry',
  type: 'WEBHOOK',
  state: 'INTEGRATION_ACTIVE',
  url: 'https://ingest.example.com/:iccid:',
  headers: { 'x-api-key': 'k-123', 'x-device-imsi': ':imsi:' },
  eventTypes: [{ type: 'TELEMETRY_DATA', version: '1.0.0' }, { type: 'LIFECYCLE' }],
  jsonPayloadEnabled: true,
  ...overrides,
});

const aws: IntegrationDetail = {
  id: 'a1',
  name: 'IoT Core',
  type: 'AWS',
  state: 'INTEGRATION_ACTIVE',
  eventTypes: [{ type: 'LOCATION', version: '1.0.0' }],
};

const NOW = new Date('2026-12-01T10:20:30.000Z');
const exportOf = (webhooks: IntegrationDetail[], includeSecrets = false) =>
  toTransferFile({ webhooks, aws: [aws], includeSecrets, source: 'api.1nce.com', now: NOW });

describe('toTransferFile', () => {
  it('writes the documented shape, AWS by name and event types only', () => {
    expect(exportOf([webhook()])).toEqual({
      format: 'integrator-console/webhooks',
      version: 1,
      exportedAt: '2026-12-01T10:20:30.000Z',
      source: 'api.1nce.com',
      webhooks: [
        {
          name: 'Fleet telemetry',
          url: 'https://ingest.example.com/:iccid:',
          headers: { 'x-api-key': REDACTED, 'x-device-imsi': ':imsi:' },
          eventTypes: [{ type: 'TELEMETRY_DATA' }, { type: 'LIFECYCLE' }],
          jsonPayloadEnabled: true,
        },
      ],
      aws: [{ name: 'IoT Core', eventTypes: [{ type: 'LOCATION' }] }],
    });
  });

  it.each([
    ['authorization', 'Bearer t', false, REDACTED],
    ['Authorization', 'Bearer t', true, 'Bearer t'],
    ['x-parkflow-token', 'pf', false, REDACTED],
    ['x-stream', 'raw', false, 'raw'],
    // 1NCE hid the value: there is nothing to write, whatever the checkbox says.
    ['x-api-key', '***', true, REDACTED],
    ['x-stream', '•••', true, REDACTED],
  ])('header %s: %s (secrets %s) → %s', (name, value, includeSecrets, written) => {
    const file = exportOf([webhook({ headers: { [name]: value } })], includeSecrets);
    expect(file.webhooks[0]!.headers).toEqual({ [name]: written });
  });

  it('names the file after the day', () => {
    expect(exportFileName(NOW)).toBe('integrator-console-webhooks-2026-12-01.json');
  });
});

describe('readTransferFile', () => {
  it('round-trips an export', () => {
    for (const includeSecrets of [false, true]) {
      const file = exportOf(
        [webhook(), webhook({ id: 'w2', name: 'Other', headers: {} })],
        includeSecrets,
      );
      expect(readTransferFile(serializeTransferFile(file))).toEqual({ ok: true, file });
    }
  });

  const valid: TransferFile = exportOf([webhook()]);
  const text = (value: unknown) => JSON.stringify(value);

  it.each([
    ['not JSON', '{"format": ', /^This file is not JSON: /],
    ['an array', '[]', /^This is not an Integrator Console export \(format\)$/],
    ['null', 'null', /not an Integrator Console export/],
    [
      'another format',
      text({ ...valid, format: 'svix/endpoints' }),
      /not an Integrator Console export \(format\)/,
    ],
    ['no format', text({ webhooks: [] }), /not an Integrator Console export/],
    [
      'a newer version',
      text({ ...valid, version: 2 }),
      /^This export is version 2; this console reads version 1$/,
    ],
    [
      'a URL that is not text',
      text({
        ...valid,
        webhooks: [...Array(3).fill(valid.webhooks[0]), { ...valid.webhooks[0], url: 42 }],
      }),
      /^webhooks\[3\]\.url: /,
    ],
    ['no webhooks list', text({ ...valid, webhooks: undefined }), /^webhooks: /],
    [
      'a header value that is not text',
      text({ ...valid, webhooks: [{ ...valid.webhooks[0], headers: { a: 1 } }] }),
      /^webhooks\[0\]\.headers\.a: /,
    ],
    [
      'event types as strings',
      text({ ...valid, webhooks: [{ ...valid.webhooks[0], eventTypes: ['ERROR'] }] }),
      /^webhooks\[0\]\.eventTypes\[0\]: /,
    ],
    [
      `more than ${MAX_FILE_WEBHOOKS} webhooks`,
      text({ ...valid, webhooks: Array(MAX_FILE_WEBHOOKS + 1).fill(valid.webhooks[0]) }),
      /^webhooks: An import takes at most 500 webhooks$/,
    ],
  ])('refuses %s, naming the problem', (_, content, message) => {
    const result = readTransferFile(content);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('refuses a file over 1 MB before reading it', () => {
    expect(readTransferFile('', 2_500_000)).toEqual({
      ok: false,
      error: 'The file is 2.5 MB; an import takes at most 1 MB',
    });
    expect(readTransferFile('{}', MAX_FILE_BYTES + 1)).toMatchObject({
      ok: false,
      error: /^The file is/,
    });
    expect(readTransferFile('', MAX_FILE_BYTES)).toMatchObject({
      ok: false,
      error: /not JSON/,
    });
  });

  it('takes exactly 500 webhooks, and a file without optional fields', () => {
    const entry = { name: 'n', url: 'https://a.example.com', eventTypes: [{ type: 'ERROR' }] };
    const result = readTransferFile(
      text({ ...valid, aws: undefined, webhooks: Array(500).fill(entry) }),
    );
    expect(result.ok && result.file.webhooks).toHaveLength(500);
  });
});
