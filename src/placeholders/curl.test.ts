// The quoting is checked against a real /bin/sh rather than against our own idea of how a shell
// parses it. This stays in the app project’s jsdom environment: a per-file node environment would
// break src/test/setup.ts (it stubs `window`), and Vitest runs every environment in Node anyway,
// so node:child_process works here.
import { redactUrl, REDACTED, shellQuote, toCurl, type CurlRequest } from '@/placeholders/curl';
import { isSecretName } from '@/placeholders/secrets';

// The app's tsconfig deliberately has no Node types (browser code must not see `process` or
// Node's timers), so the one Node API this file needs is typed here instead.
const { execFileSync } = (await import('node:child_process' as string)) as {
  execFileSync(file: string, args: string[], options: { encoding: 'utf8' }): string;
};

function sh(script: string): string {
  return execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
}

describe('shellQuote', () => {
  it.each([
    ['', "''"],
    ['abc', "'abc'"],
    ["it's", `'it'\\''s'`],
    ["''", `''\\'''\\'''`],
    ['$HOME', "'$HOME'"],
    ['$(id)', "'$(id)'"],
    ['`id`', "'`id`'"],
    ['a\\b', "'a\\b'"],
    ['a\nb', "'a\nb'"],
    ['"double"', `'"double"'`],
    ["'; rm -rf / #", `''\\''; rm -rf / #'`],
  ])('%j → %s', (value, expected) => {
    expect(shellQuote(value)).toBe(expected);
  });

  const HOSTILE = [
    '',
    ' ',
    "'",
    "''",
    "it's",
    '$HOME',
    '${HOME}',
    '$(id)',
    '`id`',
    '\\',
    'a\\b',
    "\\'",
    'a\nb',
    'trailing newline\n',
    '\r\n',
    '\t tab',
    '"double" and \'single\'',
    "'; rm -rf / #",
    '; echo pwned',
    '&& echo pwned',
    '| cat /etc/passwd',
    '> /tmp/should-not-exist',
    '*',
    '~',
    '!!',
    '%s %d %%',
    '-n',
    '--',
    'Grüße 東京 📟',
  ];

  it.each(HOSTILE)('survives a real shell: %j', (value) => {
    expect(sh(`printf %s ${shellQuote(value)}`)).toBe(value);
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://example.com/x', 'https://example.com/x'],
    ['https://example.com/x?iccid=1', 'https://example.com/x?iccid=1'],
    ['https://example.com/x?token=abc&iccid=1', `https://example.com/x?token=${REDACTED}&iccid=1`],
    [
      'https://example.com/x?iccid=1&API_KEY=abc',
      `https://example.com/x?iccid=1&API_KEY=${REDACTED}`,
    ],
    ['https://example.com/x?api%5Fkey=abc', `https://example.com/x?api%5Fkey=${REDACTED}`],
    ['https://example.com/x?token=a=b', `https://example.com/x?token=${REDACTED}`],
    ['https://example.com/x?token=abc#top', `https://example.com/x?token=${REDACTED}#top`],
    ['https://example.com/x?token', 'https://example.com/x?token'],
    ['https://example.com/x#?token=abc', 'https://example.com/x#?token=abc'],
    ['https://example.com/x?%E0%A4%A=1', 'https://example.com/x?%E0%A4%A=1'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url, isSecretName)).toBe(expected);
  });
});

describe('toCurl', () => {
  const request: CurlRequest = {
    method: 'POST',
    url: 'https://example.com/events?token=abc&iccid=1',
    headers: [
      ['x-api-key', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
      ['Authorization', 'Bearer xyz'],
      ['x-device-iccid', '1234567890123456789'],
      ['content-type', 'application/json'],
    ],
    body: '{"type":"TEST_MESSAGE","note":"it\'s $HOME"}',
  };

  it('redacts secret headers and query parameters by default', () => {
    expect(toCurl(request, { includeSecrets: false, isSecret: isSecretName })).toBe(
      [
        `curl -X POST 'https://example.com/events?token=${REDACTED}&iccid=1' \\`,
        `  -H 'x-api-key: ${REDACTED}' \\`,
        `  -H 'Authorization: ${REDACTED}' \\`,
        "  -H 'x-device-iccid: 1234567890123456789' \\",
        "  -H 'content-type: application/json' \\",
        `  --data-raw '{"type":"TEST_MESSAGE","note":"it'\\''s $HOME"}'`,
      ].join('\n'),
    );
  });

  it('keeps secrets when asked to', () => {
    const command = toCurl(request, { includeSecrets: true, isSecret: isSecretName });
    expect(command).not.toContain(REDACTED);
    expect(command).toContain("'https://example.com/events?token=abc&iccid=1'");
    expect(command).toContain("-H 'x-api-key: ABCDEFGHIJKLMNOPQRSTUVWXYZ'");
    expect(command).toContain("-H 'Authorization: Bearer xyz'");
  });

  it('leaves out --data-raw without a body, but keeps an empty one', () => {
    const options = { includeSecrets: false, isSecret: isSecretName };
    expect(toCurl({ method: 'GET', url: 'https://e.com/', headers: [] }, options)).toBe(
      "curl -X GET 'https://e.com/'",
    );
    expect(toCurl({ method: 'POST', url: 'https://e.com/', headers: [], body: '' }, options)).toBe(
      "curl -X POST 'https://e.com/' \\\n  --data-raw ''",
    );
  });

  it('continues every line but the last with a backslash', () => {
    const lines = toCurl(request, { includeSecrets: true, isSecret: isSecretName }).split('\n');
    expect(lines).toHaveLength(6);
    lines.slice(0, -1).forEach((line) => expect(line).toMatch(/ \\$/));
    lines.slice(1).forEach((line) => expect(line).toMatch(/^ {2}(-H|--data-raw) '/));
    expect(lines.at(-1)).not.toMatch(/\\$/);
  });

  // Pretty-printed JSON bodies span several lines; a shell must still see one argument each.
  it.each([
    ['redacted', false],
    ['with secrets', true],
  ])('is parsed by a real shell into the intended arguments (%s)', (_, includeSecrets) => {
    const hostile: CurlRequest = {
      ...request,
      headers: [...request.headers, ['x-note', "'; rm -rf / # $(id) `id` \\"]],
      body: JSON.stringify({ a: "it's", b: '$HOME', c: '`id`' }, null, 2),
    };
    const command = toCurl(hostile, { includeSecrets, isSecret: isSecretName });
    const args = sh(`curl() { for arg in "$@"; do printf '%s\\0' "$arg"; done; }\n${command}`)
      .split('\0')
      .slice(0, -1);
    const shown = (value: string) => (includeSecrets ? value : REDACTED);
    expect(args).toEqual([
      '-X',
      'POST',
      `https://example.com/events?token=${shown('abc')}&iccid=1`,
      '-H',
      `x-api-key: ${shown('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}`,
      '-H',
      `Authorization: ${shown('Bearer xyz')}`,
      '-H',
      'x-device-iccid: 1234567890123456789',
      '-H',
      'content-type: application/json',
      '-H',
      "x-note: '; rm -rf / # $(id) `id` \\",
      '--data-raw',
      hostile.body,
    ]);
  });
});
