import { consolePath } from '@/ui/console-path';
import { OFF_ORIGIN, ON_ORIGIN } from '@/test/hostile-paths';

// jsdom's: the shared tables (written for the pages' tests) are read against it.
const ORIGIN = 'http://localhost:3000';

describe('consolePath', () => {
  it.each(OFF_ORIGIN.map((value) => [value]))('refuses %j', (value) => {
    expect(consolePath(value, ORIGIN)).toBeUndefined();
  });

  it.each([
    ...ON_ORIGIN,
    [`${ORIGIN}/coverage?q=1#top`, '/coverage?q=1#top'],
    ['integrations', '/integrations'],
    // The page's own scheme without slashes is a relative path, as the browser reads it too.
    ['http:evil.example/x', '/evil.example/x'],
  ])('keeps %j as %j', (value, path) => {
    expect(consolePath(value, ORIGIN)).toBe(path);
  });

  it.each([
    ['another port', 'http://localhost:3001/x'],
    ['another scheme', 'https://localhost:3000/x'],
    ['a subdomain', 'http://evil.localhost:3000/x'],
    ['a longer host', 'http://localhost.evil.example:3000/x'],
  ])('refuses %s of the same host', (_name, value) => {
    expect(consolePath(value, ORIGIN)).toBeUndefined();
  });

  it.each([[null], [undefined], ['']])('has nothing for %j', (value) => {
    expect(consolePath(value, ORIGIN)).toBeUndefined();
  });

  it("reads against the page's own origin by default", () => {
    expect(window.location.origin).toBe(ORIGIN);
    expect(consolePath('/coverage')).toBe('/coverage');
    expect(consolePath('https://evil.example/x')).toBeUndefined();
  });
});
