import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.js';

/** @type {string} */
let distDir;
/** @type {import('fastify').FastifyInstance} */
let app;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Integrator Console</title>');
  writeFileSync(join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(distDir, 'mockServiceWorker.js'), '// worker');
  app = buildServer({ distDir });
  await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  rmSync(distDir, { recursive: true, force: true });
});

/** @param {string} path */
const get = (path) => {
  const address = /** @type {import('node:net').AddressInfo} */ (app.server.address());
  return fetch(new URL(path, `http://127.0.0.1:${address.port}`));
};

describe('production server', () => {
  it('answers health probes', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it.each(['/', '/integrations', '/integrations/AP3dIUs3c7_Oo2yJYaXWg/edit?demo'])(
    'serves the app shell for the deep link %s, never cached',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('Integrator Console');
    },
  );

  it('caches hashed assets for a year and revalidates everything else', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const worker = await get('/mockServiceWorker.js');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing file with 404 instead of the app shell', async () => {
    expect((await get('/assets/missing-123.js')).status).toBe(404);
  });

  it('does not forward API paths it does not serve', async () => {
    const response = await get('/management-api/v1/sims');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, statusText: 'Not Found' });
  });

  it('refuses to start without a build', () => {
    expect(() => buildServer({ distDir: join(distDir, 'nowhere') })).toThrow(/npm run build/);
  });
});
