// Spellings of a `?next=` value (as the page reads it, already URL-decoded) and what each must
// become. Browsers read `\` as `/` and drop tabs and newlines anywhere in a URL, so a value that
// merely starts with one `/` can still name another host.

/** Values that lead off the console's origin: each must be refused. */
export const OFF_ORIGIN: readonly string[] = [
  '//evil.example/x',
  '/\\evil.example/x',
  '\\\\evil.example/x',
  '\\/evil.example/x',
  '/\t/evil.example/x',
  '/\n/evil.example/x',
  '/\r\n/evil.example/x',
  '\t//evil.example/x',
  ' //evil.example/x',
  // Paths whose dot segments leave `//evil.example`: read again, a protocol-relative URL.
  '/.//evil.example/x',
  '/a/..//evil.example/x',
  '/%2e%2e//evil.example/x',
  'https://evil.example/x',
  'HTTPS://evil.example/x',
  'https:evil.example/x',
  'http:/\\evil.example/x',
  'http://localhost:3000@evil.example/x',
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:https://evil.example/0b9f6a3c',
  'file:///etc/passwd',
];

/** Values that stay on the console, with the path (path, search, hash) passed on. */
export const ON_ORIGIN: readonly [string, string][] = [
  ['/integrations/abc/edit?page=2#headers', '/integrations/abc/edit?page=2#headers'],
  ['/coverage', '/coverage'],
  // Encoded slashes, backslashes and tabs stay inside the path: the browser reads no host there.
  ['/%2F%2Fevil.example/x', '/%2F%2Fevil.example/x'],
  ['/%5Cevil.example/x', '/%5Cevil.example/x'],
  ['/%09/evil.example/x', '/%09/evil.example/x'],
  ['/integrations/../coverage', '/coverage'],
];
