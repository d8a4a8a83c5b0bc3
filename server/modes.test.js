import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, startupLines } from './app.js';
import { parseConsoleModes, upstreamFromEnv } from './modes.js';

/** @typedef {import('./modes.js').Mode} Mode */

const UPSTREAM = 'https://api.example.test/management-api';
const BUILT_PAGE =
  '<!doctype html><html><head><title>Integrator Console</title>' +
  '<script type="module" crossorigin src="/assets/index-abc123.js"></script></head>' +
  '<body><div id="root"></div></body></html>';
const DEMO_FILES = [
  '/mockServiceWorker.js',
  '/demo-service-worker.js',
  '/assets/demo-browser-abc123.js',
  '/mockServiceWorker.js.br',
];

/** @type {string} */
let distDir;

beforeAll(() => {
  distDir = mkdtempSync(join(tmpdir(), 'console-modes-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'index.html'), BUILT_PAGE);
  writeFileSync(join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  for (const file of DEMO_FILES) writeFileSync(join(distDir, file), '// demo');
});

afterAll(() => rmSync(distDir, { recursive: true, force: true }));

describe('CONSOLE_MODES', () => {
  it.each([
    [undefined, ['demo', 'live']],
    ['', ['demo', 'live']],
    ['  ', ['demo', 'live']],
    ['demo,live', ['demo', 'live']],
    ['live,demo', ['live', 'demo']],
    ['live', ['live']],
    ['demo', ['demo']],
    [' live , demo ', ['live', 'demo']],
  ])('%j offers %j, the first opening a new tab', (value, modes) => {
    expect(parseConsoleModes(value)).toEqual(modes);
  });

  it.each([
    ['Live', '"Live" is not a mode'],
    ['live,sandbox', '"sandbox" is not a mode'],
    ['live demo', '"live demo" is not a mode'],
    ['live;demo', '"live;demo" is not a mode'],
    ['live,', 'it has an empty entry'],
    [',demo', 'it has an empty entry'],
    ['live,,demo', 'it has an empty entry'],
    ['live,live', '"live" is listed twice'],
    ['demo, demo', '"demo" is listed twice'],
  ])('refuses %j: %s, and says what is allowed', (value, problem) => {
    expect(() => parseConsoleModes(value)).toThrow(
      `CONSOLE_MODES="${value}" is refused: ${problem}.`,
    );
    expect(() => parseConsoleModes(value)).toThrow(
      /"demo,live" \(the default when unset\), "live,demo", "live" or "demo"/,
    );
  });

  it.each(['server/index.js', 'server/start.js'])(
    '`node %s` refuses to start with a bad value: exit 1, the reason on stderr',
    (script) => {
      const root = fileURLToPath(new URL('..', import.meta.url));
      const result = spawnSync(process.execPath, [script], {
        cwd: root,
        env: { ...process.env, CONSOLE_MODES: 'live,dmeo', PORT: '0', HOST: '127.0.0.1' },
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        'CONSOLE_MODES="live,dmeo" is refused: "dmeo" is not a mode. CONSOLE_MODES is a comma list ' +
          'of "live" and "demo", each at most once, the first being what a new tab opens: ' +
          '"demo,live" (the default when unset), "live,demo", "live" or "demo".',
      );
      expect(result.stdout).toBe('');
    },
  );
});

describe('MANAGEMENT_API_URL', () => {
  it.each([
    [undefined, 'https://api.1nce.com/management-api'],
    ['', 'https://api.1nce.com/management-api'],
    [UPSTREAM, UPSTREAM],
    [`${UPSTREAM}//`, UPSTREAM],
  ])('%j is the API at %j, for `npm start` and `npm run dev` alike', (value, upstream) => {
    expect(upstreamFromEnv({ MANAGEMENT_API_URL: value })).toBe(upstream);
  });
});

describe('the start-up line names the modes offered', () => {
  it.each(
    /** @type {[Mode[], string][]} */ ([
      [
        ['demo', 'live'],
        `Modes: demo (simulated API in the browser) and live (1NCE API at api.example.test, MANAGEMENT_API_URL=${UPSTREAM}); a new tab opens demo (CONSOLE_MODES=demo,live)`,
      ],
      [
        ['live', 'demo'],
        `Modes: live (1NCE API at api.example.test, MANAGEMENT_API_URL=${UPSTREAM}) and demo (simulated API in the browser); a new tab opens live (CONSOLE_MODES=live,demo)`,
      ],
      [
        ['live'],
        `Modes: live (1NCE API at api.example.test, MANAGEMENT_API_URL=${UPSTREAM}) only, no demo (CONSOLE_MODES=live)`,
      ],
      [
        ['demo'],
        'Modes: demo (simulated API in the browser) only, no live mode and no sign-in (CONSOLE_MODES=demo)',
      ],
    ]),
  )('%j', (modes, line) => {
    const lines = startupLines({ address: '127.0.0.1', port: 8080 }, UPSTREAM, modes);
    expect(lines).toEqual(['Integrator Console: open http://127.0.0.1:8080', line]);
  });
});

/** @type {[Mode[]][]} */
const DEPLOYMENTS = [[['demo', 'live']], [['live', 'demo']], [['live']], [['demo']]];

describe.each(DEPLOYMENTS)('a deployment offering %j', (modes) => {
  /** @type {import('fastify').FastifyInstance} */
  let app;
  beforeAll(() => {
    app = buildServer({ distDir, upstream: UPSTREAM, modes, upstreamTimeoutMs: 3000 });
  });
  afterAll(() => app.close());

  const config = { upstream: 'api.example.test', modes };

  it('names them in /console-config.json', async () => {
    const response = await app.inject('/console-config.json');
    expect(response.json()).toEqual(config);
  });

  it(
    modes.includes('live')
      ? 'forwards to the 1NCE API'
      : 'forwards nothing to the 1NCE API: there is no live mode',
    async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/management-api/oauth/token',
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      });
      if (modes.includes('live')) {
        // The upstream's host does not resolve: 502 (504 should the DNS lookup stall).
        expect([502, 504]).toContain(response.statusCode);
      } else {
        expect(response.statusCode).toBe(404);
        expect(response.json().errors).toEqual([
          { message: 'This console does not forward POST /oauth/token' },
        ]);
      }
    },
  );

  it.each(DEMO_FILES)(
    modes.includes('demo') ? 'serves the demo file %s' : 'answers 404 for the demo file %s',
    async (url) => {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(modes.includes('demo') ? 200 : 404);
    },
  );
});
