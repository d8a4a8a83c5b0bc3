import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

/**
 * The production server: the built console with a SPA fallback, so deep links survive a reload.
 * @param {{ distDir: string, logger?: boolean | object }} options
 */
export function buildServer({ distDir, logger = false }) {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No build in ${distDir}: run "npm run build" first.`);
  }
  const app = Fastify({ logger });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    // Hashed assets never change; everything else must be revalidated so a deploy shows at once.
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes(`${join(distDir, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0]);
    if (wantsPage && !request.url.startsWith('/management-api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ statusCode: 404, statusText: 'Not Found', errors: [] });
  });

  return app;
}
