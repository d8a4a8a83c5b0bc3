import { unreachableHostWarning, urlProblems } from '@/integrations/url-rules';

describe('urlProblems', () => {
  it.each<[string, string[]]>([
    ['https://hooks.example.com/x', []],
    ['', ['Enter the endpoint URL']],
    [
      'http://user:pw@:iccid:.example.com/a b',
      [
        '1NCE only delivers to https:// endpoints',
        'A URL cannot contain spaces',
        'Placeholders cannot be used in the host: 1NCE needs one fixed host to deliver to',
        'Do not put credentials in the URL: add them as an HTTP header instead',
      ],
    ],
    [
      `https://e.example/${'a'.repeat(2048)} x`,
      ['A URL cannot contain spaces', 'Use at most 2048 characters'],
    ],
    ['https://bücher.example/x', ['Use the punycode form of the host: xn--bcher-kva.example']],
  ])('%s → every problem at once', (url, problems) => {
    expect(urlProblems(url)).toEqual(problems);
  });
});

describe('unreachableHostWarning', () => {
  it.each([
    'https://localhost/x',
    'https://LOCALHOST:8443/x',
    'https://127.0.0.1/x',
    'https://127.8.9.10/x',
    'https://10.1.2.3/x',
    'https://172.16.0.1/x',
    'https://172.31.255.255/x',
    'https://192.168.1.20/x',
    'https://169.254.10.1/x',
    'https://[::1]/x',
    'https://[fe80::1]/x',
    'https://[fd12:3456::1]/x',
    'https://printer.local/x',
    'https://api.corp.internal/x',
    'https://app.localhost/x',
    'https://0.0.0.0/x',
  ])('warns about %s', (url) => {
    expect(unreachableHostWarning(url)).toMatch(/cannot reach/);
  });

  it.each([
    'https://hooks.example.com/x',
    'https://172.32.0.1/x',
    'https://192.169.0.1/x',
    'https://8.8.8.8/x',
    'https://[2001:db8::1]/x',
    'https://localhost.example.com/x',
    'https://internal.example.com/x',
    'not a url',
  ])('says nothing about %s', (url) => {
    expect(unreachableHostWarning(url)).toBeUndefined();
  });
});
