import { webhookFormSchema, type WebhookFormValues } from '@/integrations/form';

// Bad and odd input across the form: each is either rejected with a message at the field it
// concerns, or accepted (and then rendered as text by React, never as markup: see e2e/hostile).
const base: WebhookFormValues = {
  name: 'Hostile',
  url: 'https://hooks.example.com/x',
  headers: [],
  eventTypes: ['LIFECYCLE'],
  jsonPayloadEnabled: false,
};

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';

type Case = [string, Partial<WebhookFormValues>, string | null, RegExp | null];
const header = (key: string, value = 'v'): Partial<WebhookFormValues> => ({
  headers: [{ key, value }],
});

const cases: Case[] = [
  // URLs
  ['http URL', { url: 'http://hooks.example.com/x' }, 'url', /only delivers to https/],
  ['ftp URL', { url: 'ftp://files.example.com/x' }, 'url', /only delivers to https/],
  ['javascript: URL', { url: 'javascript:alert(1)' }, 'url', /only delivers to https/],
  ['data: URL', { url: 'data:text/html,<b>x</b>' }, 'url', /only delivers to https/],
  ['no host', { url: 'https://' }, 'url', /absolute URL/],
  ['no scheme', { url: 'hooks.example.com/x' }, 'url', /absolute URL/],
  ['relative path', { url: '/hook' }, 'url', /absolute URL/],
  ['space inside', { url: 'https://hooks.example.com/a b' }, 'url', /spaces/],
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
  [
    'placeholders in path and query',
    { url: 'https://h.example.com/:iccid:?imsi=:imsi:' },
    null,
    null,
  ],
  ['script in URL', { url: `https://h.example.com/${SCRIPT}` }, null, null],
  [
    'quotes and angle brackets in query',
    { url: 'https://h.example.com/?q="><svg/onload=1>' },
    null,
    null,
  ],
  ['URL with fragment', { url: 'https://h.example.com/x#frag' }, null, null],
  // header names
  ['header name with a space', header('x api'), 'headers.0.key', /no spaces or colons/],
  ['header name with a colon', header('x:api'), 'headers.0.key', /no spaces or colons/],
  ['unicode header name', header('x-gerät'), 'headers.0.key', /no spaces or colons/],
  ['empty header name', header(''), 'headers.0.key', /Enter a header name/],
  ['blank header name', header('   '), 'headers.0.key', /Enter a header name/],
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
    'duplicate names ignoring case',
    {
      headers: [
        { key: 'X-Token', value: 'a' },
        { key: 'x-token', value: 'b' },
      ],
    },
    'headers.1.key',
    /Duplicate of header 1/,
  ],
  ['token characters', header("x-!#$%&'*+.^_`|~"), null, null],
  // header values
  ['newline in value', header('x-a', 'a\nb'), 'headers.0.value', /line breaks/],
  ['carriage return in value', header('x-a', 'a\rb'), 'headers.0.value', /line breaks/],
  ['NUL in value', header('x-a', 'a\0b'), 'headers.0.value', /line breaks/],
  ['8 KB value', header('x-a', 'v'.repeat(8192)), 'headers.0.value', /at most 4096/],
  ['4096-character value', header('x-a', 'v'.repeat(4096)), null, null],
  ['emoji in value', header('x-a', 'hi 🚚'), 'headers.0.value', /Latin-1/],
  ['Latin-1 value', header('x-a', 'Grüße'), null, null],
  ['empty value', header('x-a', ''), null, null],
  ['script in value', header('x-a', SCRIPT), null, null],
  ['img onerror in value', header('x-a', IMG), null, null],
  ['placeholders in value', header('x-device', ':iccid:/:imsi:/:ip:'), null, null],
  // names
  ['empty name', { name: '' }, 'name', /Enter an integration name/],
  ['whitespace name', { name: ' \t ' }, 'name', /Enter an integration name/],
  ['128-character name', { name: 'n'.repeat(128) }, null, null],
  ['129-character name', { name: 'n'.repeat(129) }, 'name', /at most 128/],
  ['emoji name', { name: 'Kühlkette 🚚❄️' }, null, null],
  ['RTL name', { name: 'تكامل الأجهزة' }, null, null],
  ['mixed direction name with override char', { name: 'abc\u202Eexe.txt' }, null, null],
  ['script name', { name: SCRIPT }, null, null],
  ['img onerror name', { name: IMG }, null, null],
  ['template-literal name', { name: '${alert(1)}{{7*7}}' }, null, null],
  // event types
  ['no event types', { eventTypes: [] }, 'eventTypes', /at least one event type/],
];

describe('hostile and odd input', () => {
  it('covers at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases)('%s', (_, change, path, message) => {
    const result = webhookFormSchema.safeParse({ ...base, ...change });
    if (path === null) {
      expect(result.error?.issues).toBeUndefined();
      return;
    }
    const issue = result.error?.issues[0];
    expect(issue?.path.join('.')).toBe(path);
    expect(issue?.message).toMatch(message!);
  });
});
