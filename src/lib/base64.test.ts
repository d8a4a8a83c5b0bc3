import { base64 } from '@/lib/base64';

function decodeBase64(value: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(value), (char) => char.charCodeAt(0)));
}

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['Man', 'TWFu'],
    ['ü', 'w7w='],
    ['€', '4oKs'],
  ])('%j → %s', (text, expected) => {
    expect(base64(text)).toBe(expected);
  });

  it.each(['plain ASCII', 'Grüße aus Köln', '東京 🚚 📟', 'é\u0000\uffff', '{"t":4.2}'])(
    'round-trips %j',
    (text) => {
      expect(decodeBase64(base64(text))).toBe(text);
    },
  );
});
