import {
  inject,
  injectDefinition,
  MISSING,
  PLACEHOLDERS,
  suggestPlaceholder,
  tokenize,
  valueFor,
  type DeviceContext,
  type Span,
} from '@/placeholders/inject';

// The device, definitions and results below are copied verbatim from 1NCE's "Metadata Injection
// in Webhook Definitions" section, so a drift from the documented behaviour fails here first.
const DOCS_DEVICE: DeviceContext = {
  iccid: '1234567890123456789',
  imsi: '987654321098765',
  ip: '192.168.1.1',
};
const DOCS_DEFINITION = {
  url: 'https://www.your-endpoint.com/events?iccid=:iccid:&ip=:ip:&imsi=:imsi:',
  headers: {
    'x-api-key': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'x-device-imsi': ':imsi:',
    'x-device-iccid': ':iccid:',
    'x-device-ip': ':ip:',
  },
};
const NO_DEVICE: DeviceContext = {};

describe('the documented scenarios', () => {
  it('Full Device Metadata Injection', () => {
    const final = injectDefinition(DOCS_DEFINITION, DOCS_DEVICE);
    expect(final).toStrictEqual({
      url: 'https://www.your-endpoint.com/events?iccid=1234567890123456789&ip=192.168.1.1&imsi=987654321098765',
      headers: {
        'x-api-key': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        'x-device-imsi': '987654321098765',
        'x-device-iccid': '1234567890123456789',
        'x-device-ip': '192.168.1.1',
      },
    });
    // Headers are sent in the order the user wrote them.
    expect(Object.keys(final.headers)).toEqual(Object.keys(DOCS_DEFINITION.headers));
  });

  it('Missing Metadata', () => {
    expect(injectDefinition(DOCS_DEFINITION, NO_DEVICE)).toStrictEqual({
      url: 'https://www.your-endpoint.com/events?iccid=none&ip=none&imsi=none',
      headers: {
        'x-api-key': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        'x-device-imsi': 'none',
        'x-device-iccid': 'none',
        'x-device-ip': 'none',
      },
    });
  });

  it.each([
    ['a device', DOCS_DEVICE],
    ['no device', NO_DEVICE],
  ])('Unsupported Placeholders stay unchanged for %s', (_, context) => {
    const definition = {
      url: 'https://api.example.com/data?destination=:unknown:',
      headers: { 'x-tracking': ':tracking_id:' },
    };
    expect(injectDefinition(definition, context)).toStrictEqual({
      url: 'https://api.example.com/data?destination=:unknown:',
      headers: { 'x-tracking': ':tracking_id:' },
    });
  });

  it('does not modify the definition it was given', () => {
    const copy = structuredClone(DOCS_DEFINITION);
    injectDefinition(DOCS_DEFINITION, DOCS_DEVICE);
    expect(DOCS_DEFINITION).toStrictEqual(copy);
  });
});

describe('valueFor', () => {
  it.each<[DeviceContext, string]>([
    [{ iccid: '89882' }, '89882'],
    [{}, MISSING],
    [{ iccid: '' }, MISSING],
    [{ imsi: '1' }, MISSING],
  ])('iccid of %o is %s', (context, expected) => {
    expect(valueFor('iccid', context)).toBe(expected);
  });

  it('MISSING is the documented default', () => {
    expect(MISSING).toBe('none');
    expect(PLACEHOLDERS).toEqual(['iccid', 'imsi', 'ip']);
  });
});

const IPV6_URL = 'https://[2001:db8::1]:8443/x?ip=:ip:';

// [why, template, context, expected]
const INJECT_CASES: [string, string, DeviceContext, string][] = [
  ['empty template', '', DOCS_DEVICE, ''],
  ['no placeholders', 'https://example.com/a?b=c', DOCS_DEVICE, 'https://example.com/a?b=c'],
  ['repeated token', ':iccid:/:iccid:', DOCS_DEVICE, '1234567890123456789/1234567890123456789'],
  ['adjacent tokens', ':iccid::imsi:', DOCS_DEVICE, '1234567890123456789987654321098765'],
  [
    'three adjacent tokens',
    ':iccid::imsi::ip:',
    DOCS_DEVICE,
    '1234567890123456789987654321098765192.168.1.1',
  ],
  ['adjacent tokens without device', ':iccid::imsi:', NO_DEVICE, 'nonenone'],
  [
    'token in the host',
    'https://:iccid:.devices.example.com/x',
    DOCS_DEVICE,
    'https://1234567890123456789.devices.example.com/x',
  ],
  [
    'empty values count as missing',
    '?iccid=:iccid:&imsi=:imsi:&ip=:ip:',
    { iccid: '', imsi: '', ip: '' },
    '?iccid=none&imsi=none&ip=none',
  ],
  [
    'partially known device',
    '?iccid=:iccid:&imsi=:imsi:&ip=:ip:',
    { iccid: '1234567890123456789' },
    '?iccid=1234567890123456789&imsi=none&ip=none',
  ],
  ['lone colon', ':', DOCS_DEVICE, ':'],
  ['double colon', '::', DOCS_DEVICE, '::'],
  ['triple colon', ':::', DOCS_DEVICE, ':::'],
  ['no closing colon', '?ip=:ip', DOCS_DEVICE, '?ip=:ip'],
  ['no opening colon', '?ip=ip:', DOCS_DEVICE, '?ip=ip:'],
  ['empty name', '?x=::&y=: :', DOCS_DEVICE, '?x=::&y=: :'],
  ['upper case is not a placeholder', ':ICCID:/:Imsi:/:IP:', DOCS_DEVICE, ':ICCID:/:Imsi:/:IP:'],
  ['unsupported next to supported', ':unknown::ip:', DOCS_DEVICE, ':unknown:192.168.1.1'],
  [
    'IPv6 host with IPv4 value',
    IPV6_URL,
    DOCS_DEVICE,
    'https://[2001:db8::1]:8443/x?ip=192.168.1.1',
  ],
  [
    'IPv6 host with IPv6 value',
    IPV6_URL,
    { ip: '2001:db8::7' },
    'https://[2001:db8::1]:8443/x?ip=2001:db8::7',
  ],
  ['IPv6 value next to a token', ':ip::iccid:', { ip: '2001:db8::7', iccid: '1' }, '2001:db8::71'],
  // One pass: a device value that happens to look like a placeholder is sent literally.
  ['injected value is not re-injected', ':iccid:', { iccid: ':ip:', ip: '10.0.0.1' }, ':ip:'],
  [
    'injected value next to a token',
    ':iccid::ip:',
    { iccid: ':ip:', ip: '10.0.0.1' },
    ':ip:10.0.0.1',
  ],
  ['value with replacement patterns', '?ip=:ip:', { ip: "$&$1$'$`" }, "?ip=$&$1$'$`"],
  [
    'ports and times',
    'https://host:8443/at/12:30:00?ip=:ip:',
    DOCS_DEVICE,
    'https://host:8443/at/12:30:00?ip=192.168.1.1',
  ],
  // The closing colon is consumed, so the trailing `ip:` has no opening colon left.
  ['shared colon', ':iccid:ip:', DOCS_DEVICE, '1234567890123456789ip:'],
  ['token after a word and colon', 'urn:dev:iccid:', DOCS_DEVICE, 'urn:dev1234567890123456789'],
  ['token inside brackets', 'https://[:ip:]/x', { ip: '2001:db8::7' }, 'https://[2001:db8::7]/x'],
];

describe('inject', () => {
  it.each(INJECT_CASES)('%s: %j', (_, template, context, expected) => {
    expect(inject(template, context)).toBe(expected);
  });
});

const text = (value: string): Span => ({ kind: 'text', text: value });
const placeholder = (name: 'iccid' | 'imsi' | 'ip'): Span => ({
  kind: 'placeholder',
  text: `:${name}:`,
  name,
});
const unknown = (name: string, suggestion?: 'iccid' | 'imsi' | 'ip'): Span => ({
  kind: 'unknown',
  text: `:${name}:`,
  name,
  ...(suggestion && { suggestion }),
});

const TOKENIZE_CASES: [string, Span[]][] = [
  ['', []],
  ['https://example.com/a', [text('https://example.com/a')]],
  [
    DOCS_DEFINITION.url,
    [
      text('https://www.your-endpoint.com/events?iccid='),
      placeholder('iccid'),
      text('&ip='),
      placeholder('ip'),
      text('&imsi='),
      placeholder('imsi'),
    ],
  ],
  [':iccid:', [placeholder('iccid')]],
  [':iccid::imsi:', [placeholder('iccid'), placeholder('imsi')]],
  [':iccid:/:iccid:', [placeholder('iccid'), text('/'), placeholder('iccid')]],
  [':iccd:', [unknown('iccd', 'iccid')]],
  [':ICCID:', [unknown('ICCID', 'iccid')]],
  [':IMSI:', [unknown('IMSI', 'imsi')]],
  [':imei:', [unknown('imei', 'imsi')]],
  [':ip-address:', [unknown('ip-address', 'ip')]],
  [':ipaddress:', [unknown('ipaddress', 'ip')]],
  [':unknown:', [unknown('unknown')]],
  [':tracking_id:', [unknown('tracking_id')]],
  [
    'https://api.example.com/data?destination=:unknown:',
    [text('https://api.example.com/data?destination='), unknown('unknown')],
  ],
  [':unknown::ip:', [unknown('unknown'), placeholder('ip')]],
  [IPV6_URL, [text('https://[2001:db8::1]:8443/x?ip='), placeholder('ip')]],
  ['https://[2001:db8::1]/:db8:', [text('https://[2001:db8::1]/'), unknown('db8')]],
  ['host:8443', [text('host:8443')]],
  ['12:30:00', [text('12:30:00')]],
  ['https://host:8443/at/12:30:00', [text('https://host:8443/at/12:30:00')]],
  [':', [text(':')]],
  ['::', [text('::')]],
  [':ip', [text(':ip')]],
  [': ip :', [text(': ip :')]],
  [':1ip:', [text(':1ip:')]],
  [':ip:ip:', [placeholder('ip'), text('ip:')]],
  [':iccid:ip:', [placeholder('iccid'), text('ip:')]],
  // tokenize must agree with inject about which colons belong to a placeholder.
  ['urn:dev:iccid:', [text('urn:dev'), placeholder('iccid')]],
  [':dev:ip:', [text(':dev'), placeholder('ip')]],
  ['https://[:ip:]/x', [text('https://['), placeholder('ip'), text(']/x')]],
];

describe('tokenize', () => {
  it.each(TOKENIZE_CASES)('%j', (template, spans) => {
    expect(tokenize(template)).toStrictEqual(spans);
  });

  const allTemplates = [
    ...new Set([
      ...INJECT_CASES.map(([, template]) => template),
      ...TOKENIZE_CASES.map(([template]) => template),
      ...Object.values(DOCS_DEFINITION.headers),
    ]),
  ];

  it.each(allTemplates)('joining the spans of %j gives the template back', (template) => {
    const spans = tokenize(template);
    expect(spans.map((span) => span.text).join('')).toBe(template);
    // Empty or split text spans would render as stray highlight boundaries.
    expect(spans.every((span) => span.text.length > 0)).toBe(true);
    spans.forEach((span, index) => {
      if (index > 0) expect(span.kind === 'text' && spans[index - 1]!.kind === 'text').toBe(false);
    });
  });

  it.each(allTemplates)('placeholder spans of %j are exactly what inject replaces', (template) => {
    for (const context of [DOCS_DEVICE, NO_DEVICE, { iccid: ':ip:', ip: '2001:db8::7' }]) {
      const rebuilt = tokenize(template)
        .map((span) => (span.kind === 'placeholder' ? valueFor(span.name, context) : span.text))
        .join('');
      expect(rebuilt).toBe(inject(template, context));
    }
  });

  it('can be called repeatedly (the global regex is reset)', () => {
    expect(tokenize(':ip:')).toStrictEqual(tokenize(':ip:'));
    tokenize('a :iccid: b :imsi:');
    expect(tokenize(':ip:')).toStrictEqual([placeholder('ip')]);
  });
});

describe('suggestPlaceholder', () => {
  it.each([
    ['iccid', 'iccid'],
    ['ICCID', 'iccid'],
    ['Iccid', 'iccid'],
    ['iccd', 'iccid'],
    ['icid', 'iccid'],
    ['iccids', 'iccid'],
    ['sim', 'iccid'],
    ['simid', 'iccid'],
    ['sim_id', 'iccid'],
    ['imsi', 'imsi'],
    ['IMSI', 'imsi'],
    ['imei', 'imsi'],
    ['imis', 'imsi'],
    ['imsi1', 'imsi'],
    ['ip', 'ip'],
    ['IP', 'ip'],
    ['ipp', 'ip'],
    ['ipaddress', 'ip'],
    ['ip_address', 'ip'],
    ['ip-address', 'ip'],
    ['IP-Address', 'ip'],
    ['deviceip', 'ip'],
    ['device_ip', 'ip'],
    ['device-ip', 'ip'],
  ])('%s → %s', (name, expected) => {
    expect(suggestPlaceholder(name)).toBe(expected);
  });

  it.each(['unknown', 'tracking_id', 'token', 'address', 'device', 'x', 'imsixyz', 'iccidxyz'])(
    '%s → no suggestion',
    (name) => {
      expect(suggestPlaceholder(name)).toBeUndefined();
    },
  );
});
