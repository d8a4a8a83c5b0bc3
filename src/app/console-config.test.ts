import { offeredModes, readEmbeddedConfig } from '@/app/console-config';

/** A document holding the block server/app-shell.js writes, with `text` inside. */
function pageWith(text: string | null) {
  const doc = document.implementation.createHTMLDocument();
  if (text !== null) {
    const block = doc.createElement('script');
    block.type = 'application/json';
    block.id = 'console-config';
    block.textContent = text;
    doc.head.append(block);
  }
  return doc;
}

describe('the config written into the page', () => {
  it.each([
    ['{"upstream":"api.1nce.com","modes":["live","demo"]}', ['live', 'demo']],
    ['{"upstream":"api.1nce.com","modes":["live"]}', ['live']],
    ['{"modes":["demo"]}', ['demo']],
    // Lenient: unknown modes dropped, duplicates once, nothing known means the default.
    ['{"modes":["sandbox","live","live"]}', ['live']],
    ['{"modes":["sandbox"]}', ['demo', 'live']],
    ['{"modes":"live"}', ['demo', 'live']],
    ['{"upstream":"api.1nce.com"}', ['demo', 'live']],
    ['not json', ['demo', 'live']],
    ['', ['demo', 'live']],
  ])('%s offers %j', (text, modes) => {
    expect(offeredModes(readEmbeddedConfig(pageWith(text)))).toEqual(modes);
  });

  it('keeps the API host and settings it does not know', () => {
    const text = '{"upstream":"api.1nce.com","modes":["live"],"later":1}';
    expect(readEmbeddedConfig(pageWith(text))).toEqual({
      upstream: 'api.1nce.com',
      modes: ['live'],
      later: 1,
    });
  });

  it('is absent without the block (npm run dev without the plugin, Vitest)', () => {
    expect(readEmbeddedConfig(pageWith(null))).toBeUndefined();
    expect(offeredModes(undefined)).toEqual(['demo', 'live']);
  });
});
