import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withConfig } from './app-shell.js';
import { buildServer } from './app.js';

/** @typedef {import('./modes.js').Mode} Mode */

const UPSTREAM = 'https://api.example.test/management-api';
const BUILT_PAGE =
  '<!doctype html><html><head><title>Integrator Console</title>' +
  '<script type="module" crossorigin src="/assets/index-abc123.js"></script></head>' +
  '<body><div id="root"></div></body></html>';

/** The config blocks of a page, parsed. @param {string} html */
const configsIn = (html) =>
  [...html.matchAll(/<script type="application\/json" id="console-config">(.*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]),
  );

describe('withConfig', () => {
  it('writes one block, before </head>', () => {
    const config = { upstream: 'api.1nce.com', modes: ['live', 'demo'] };
    const html = withConfig(BUILT_PAGE, config);
    expect(configsIn(html)).toEqual([config]);
    expect(html).toMatch(/id="console-config">[^<]*<\/script><\/head><body>/);
    expect(html).toContain('src="/assets/index-abc123.js"');
  });

  it('cannot be closed or turned into script by a value', () => {
    const hostile = { upstream: '</script><script>alert(1)</script><!--', modes: ['live'] };
    const html = withConfig('<head></head>', hostile);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html.match(/</g)).toHaveLength(4);
    expect(configsIn(html)).toEqual([hostile]);
  });

  it("writes replacement patterns ($&, $', $`) in a value as they are", () => {
    const config = { upstream: "$& $' $` $$ $1", modes: ['demo'] };
    const html = withConfig('<head></head><body></body>', config);
    expect(configsIn(html)).toEqual([config]);
    expect(html.endsWith('</script></head><body></body>')).toBe(true);
  });

  it('refuses a page without a head to write into', () => {
    expect(() => withConfig('<body></body>', {})).toThrow('index.html has no </head>.');
  });
});

/** @type {string} */
let distDir;

beforeAll(() => {
  distDir = mkdtempSync(join(tmpdir(), 'console-shell-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'index.html'), BUILT_PAGE);
  // What scripts/precompress.js leaves beside the page: without the config, never to be sent.
  writeFileSync(join(distDir, 'index.html.br'), 'stale');
  writeFileSync(join(distDir, 'index.html.gz'), 'stale');
  writeFileSync(join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
});

afterAll(() => rmSync(distDir, { recursive: true, force: true }));

/** @type {[Mode[]][]} */
const DEPLOYMENTS = [[['demo', 'live']], [['live', 'demo']], [['live']], [['demo']]];

describe.each(DEPLOYMENTS)('the page of a deployment offering %j', (modes) => {
  /** @type {import('fastify').FastifyInstance} */
  let app;
  beforeAll(() => {
    app = buildServer({ distDir, upstream: UPSTREAM, modes });
  });
  afterAll(() => app.close());

  const config = { upstream: 'api.example.test', modes };

  // The page is under 2 kB: it goes out uncompressed whatever the browser accepts.
  it.each([
    ['/', 'br, gzip'],
    ['/', undefined],
    ['/index.html', 'gzip'],
    ['/integrations/AP3dIUs3c7_Oo2yJYaXWg/edit?demo', 'br, gzip'],
    ['/sign-in?live', 'identity'],
  ])('has the modes written in at %s (accept-encoding %j)', async (url, accept) => {
    const response = await app.inject({
      url,
      headers: accept ? { 'accept-encoding': accept } : {},
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect(response.body).toBe(withConfig(BUILT_PAGE, config));
    expect(configsIn(response.body)).toEqual([config]);
  });

  it('is never sent without its config', async () => {
    for (const url of ['/index.html.br', '/index.html.gz']) {
      expect((await app.inject(url)).statusCode).toBe(404);
    }
  });
});
