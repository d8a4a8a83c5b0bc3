import type { DeviceContext, WebhookDefinition } from '@/placeholders/inject';
import { headerValueProblem, previewWarnings, type PreviewWarning } from '@/placeholders/warnings';

const DEVICE: DeviceContext = {
  iccid: '1234567890123456789',
  imsi: '987654321098765',
  ip: '192.168.1.1',
};
const NO_DEVICE: DeviceContext = {};

type Kind = 'scheme' | 'host' | 'invalid-url' | 'ip' | 'unknown' | 'header-value';

// Classifying by message keeps each table row readable while still asserting which warning fired
// where, in which order, and that nothing else did.
function kindOf({ message }: PreviewWarning): Kind {
  if (message.includes('URL’s scheme')) return 'scheme';
  if (message.includes('URL’s host')) return 'host';
  if (message.includes('not a valid https:// URL')) return 'invalid-url';
  if (message.startsWith(':ip: is the device’s address')) return 'ip';
  if (message.includes('is not a placeholder 1NCE knows')) return 'unknown';
  if (message.includes('not a valid HTTP header value')) return 'header-value';
  throw new Error(`unclassified warning: ${message}`);
}

const summary = (warnings: PreviewWarning[]) =>
  warnings.map((warning) => [warning.where, kindOf(warning)]);

const def = (url: string, headers: Record<string, string> = {}): WebhookDefinition => ({
  url,
  headers,
});

const CLEAN = def('https://www.your-endpoint.com/events?iccid=:iccid:&imsi=:imsi:', {
  'x-api-key': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'x-device-iccid': ':iccid:',
  'x-device-imsi': ':imsi:',
});

// [why, definition, context, expected [where, kind] in emitted order]
const CASES: [string, WebhookDefinition, DeviceContext, [string, Kind][]][] = [
  ['clean definition, device', CLEAN, DEVICE, []],
  ['clean definition, no device', CLEAN, NO_DEVICE, []],
  ['empty URL is left to the form validation', def(''), DEVICE, []],
  ['blank URL', def('   '), DEVICE, []],

  // Placeholder position in the URL
  ['placeholder in the host', def('https://:iccid:.example.com/x'), DEVICE, [['url', 'host']]],
  [
    'placeholder in the host, no device (none.example.com is valid)',
    def('https://:iccid:.example.com/x'),
    NO_DEVICE,
    [['url', 'host']],
  ],
  [
    'placeholder in the host without a path',
    def('https://api-:imsi:.example.com'),
    DEVICE,
    [['url', 'host']],
  ],
  [
    'placeholder in the userinfo counts as authority',
    def('https://:iccid:@example.com/x'),
    DEVICE,
    [['url', 'host']],
  ],
  [
    'placeholder as the scheme',
    def(':iccid:://example.com/x'),
    DEVICE,
    [
      ['url', 'scheme'],
      ['url', 'invalid-url'],
    ],
  ],
  [
    'placeholder inside the scheme',
    def('http:imsi:s://example.com/x'),
    DEVICE,
    [
      ['url', 'scheme'],
      ['url', 'invalid-url'],
    ],
  ],
  ['placeholder in the path', def('https://example.com/devices/:iccid:/events'), DEVICE, []],
  ['placeholder in the query', def('https://example.com/x?imsi=:imsi:'), DEVICE, []],
  ['placeholder in the fragment', def('https://example.com/x#:iccid:'), DEVICE, []],
  ['placeholder right after the port', def('https://example.com:8443/:iccid:'), DEVICE, []],
  ['path with a double slash', def('https://example.com/a//:iccid:'), DEVICE, []],

  // URL validity after injection
  [
    'unknown token as the whole host',
    def('https://:unknown:/x'),
    DEVICE,
    [
      ['url', 'host'],
      ['url', 'invalid-url'],
      ['url', 'unknown'],
    ],
  ],
  ['plain http', def('http://example.com/x'), DEVICE, [['url', 'invalid-url']]],
  ['not a URL at all', def('example.com/x'), DEVICE, [['url', 'invalid-url']]],
  [
    'whitespace after injection',
    def('https://example.com/x?iccid=:iccid:'),
    { iccid: 'a b' },
    [['url', 'invalid-url']],
  ],
  [
    'bracketed :ip: with an IPv6 device',
    def('https://[:ip:]/x'),
    { ip: '2001:db8::7' },
    [
      ['url', 'host'],
      [':ip:', 'ip'],
    ],
  ],
  [
    'bracketed :ip: with an IPv4 device',
    def('https://[:ip:]/x'),
    DEVICE,
    [
      ['url', 'host'],
      ['url', 'invalid-url'],
      [':ip:', 'ip'],
    ],
  ],
  [
    'bracketed :ip: without a device ([none])',
    def('https://[:ip:]/x'),
    NO_DEVICE,
    [
      ['url', 'host'],
      ['url', 'invalid-url'],
      [':ip:', 'ip'],
    ],
  ],
  ['IPv6 literal host is not a token', def('https://[2001:db8::1]:8443/x'), DEVICE, []],

  // :ip: routing
  ['ip in the URL', def('https://example.com/x?ip=:ip:'), DEVICE, [[':ip:', 'ip']]],
  [
    'ip in a header',
    def('https://example.com/x', { 'x-device-ip': ':ip:' }),
    DEVICE,
    [[':ip:', 'ip']],
  ],
  [
    'ip in URL and headers warns once',
    def('https://example.com/x?ip=:ip:', { a: ':ip:', b: 'v=:ip:' }),
    NO_DEVICE,
    [[':ip:', 'ip']],
  ],
  [
    'upper-case :IP: is no placeholder, so no ip warning',
    def('https://example.com/x', { 'x-device-ip': ':IP:' }),
    DEVICE,
    [['x-device-ip', 'unknown']],
  ],
  ['ip without closing colon', def('https://example.com/x?ip=:ip'), DEVICE, []],

  // Unknown tokens
  [
    'unknown token in the query',
    def('https://example.com/x?id=:iccd:'),
    DEVICE,
    [['url', 'unknown']],
  ],
  [
    'unknown token in a header',
    def('https://example.com/x', { 'x-tracking': ':tracking_id:' }),
    DEVICE,
    [['x-tracking', 'unknown']],
  ],
  [
    'documented unsupported placeholders',
    def('https://api.example.com/data?destination=:unknown:', { 'x-tracking': ':tracking_id:' }),
    DEVICE,
    [
      ['url', 'unknown'],
      ['x-tracking', 'unknown'],
    ],
  ],
  ['ports and times are not tokens', def('https://example.com:8443/at/12:30:00'), DEVICE, []],

  // Header values after injection
  [
    'device value with a newline',
    def('https://example.com/x', { 'x-device-iccid': ':iccid:' }),
    { iccid: '123\r\nX-Injected: 1' },
    [['x-device-iccid', 'header-value']],
  ],
  [
    'device value with an emoji',
    def('https://example.com/x', { 'x-device-imsi': ':imsi:' }),
    { imsi: '📟' },
    [['x-device-imsi', 'header-value']],
  ],
  [
    'the same header without a device',
    def('https://example.com/x', { 'x-device-imsi': ':imsi:' }),
    NO_DEVICE,
    [],
  ],
  [
    'Latin-1 device value is fine',
    def('https://example.com/x', { 'x-device-imsi': ':imsi:' }),
    { imsi: 'Müller' },
    [],
  ],
  [
    'static header value that is already invalid',
    def('https://example.com/x', { 'x-note': 'line\nbreak' }),
    DEVICE,
    [['x-note', 'header-value']],
  ],
  [
    'unknown token and invalid value in one header',
    def('https://example.com/x', { 'x-both': ':iccd: ✓' }),
    DEVICE,
    [
      ['x-both', 'unknown'],
      ['x-both', 'header-value'],
    ],
  ],
];

describe('previewWarnings', () => {
  it.each(CASES)('%s', (_, definition, context, expected) => {
    expect(summary(previewWarnings(definition, context))).toEqual(expected);
  });

  it.each([
    [':iccd:', ' Did you mean :iccid:?'],
    [':ICCID:', ' Did you mean :iccid:?'],
    [':imei:', ' Did you mean :imsi:?'],
    [':ip-address:', ' Did you mean :ip:?'],
  ])('suggests the placeholder for %s', (token, hint) => {
    const [warning] = previewWarnings(def(`https://example.com/x?v=${token}`), DEVICE);
    expect(warning).toEqual({
      where: 'url',
      message: `${token} is not a placeholder 1NCE knows, so it is sent exactly as typed.${hint}`,
    });
  });

  it.each([':unknown:', ':tracking_id:'])('has no suggestion for %s', (token) => {
    const [warning] = previewWarnings(def('https://example.com/x', { 'x-t': token }), DEVICE);
    expect(warning?.message).toBe(
      `${token} is not a placeholder 1NCE knows, so it is sent exactly as typed.`,
    );
  });

  it('shows the injected URL in the invalid-URL warning', () => {
    expect(previewWarnings(def('https://:unknown:/x'), DEVICE)).toContainEqual({
      where: 'url',
      message: 'After injection this is not a valid https:// URL: https://:unknown:/x',
    });
  });

  it('names the token in host and scheme warnings', () => {
    const [host] = previewWarnings(def('https://:iccid:.example.com/x'), DEVICE);
    expect(host?.message).toMatch(/^:iccid: is in the URL’s host/);
    const [scheme] = previewWarnings(def(':imsi:://example.com/x'), DEVICE);
    expect(scheme?.message).toMatch(/^:imsi: is in the URL’s scheme/);
  });
});

describe('headerValueProblem', () => {
  it.each<[string, ReturnType<typeof headerValueProblem>]>([
    ['', undefined],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', undefined],
    ['Bearer abc.def-ghi_123', undefined],
    ['a\tb', undefined],
    [' ~!@#$%^&*()', undefined],
    ['Müller café', undefined],
    ['Müller\tcafé', undefined],
    ['\u00a0\u00ff', undefined],
    ['a\nb', 'line-break'],
    ['a\rb', 'line-break'],
    ['a\r\nX-Injected: 1', 'line-break'],
    ['\0', 'line-break'],
    ['📟\n', 'line-break'],
    ['\x1f', 'not-latin-1'],
    ['\x7f', 'not-latin-1'],
    ['\u0100', 'not-latin-1'],
    ['€', 'not-latin-1'],
    ['📟', 'not-latin-1'],
  ])('%j → %s', (value, expected) => {
    expect(headerValueProblem(value)).toBe(expected);
  });
});
