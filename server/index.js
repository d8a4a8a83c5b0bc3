import { fileURLToPath } from 'node:url';
import { buildServer, startupLines } from './app.js';
import { consoleModesOrExit, upstreamFromEnv } from './modes.js';

const modes = consoleModesOrExit(process.env);
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const upstream = upstreamFromEnv(process.env);
const upstreamTimeoutMs = Number(process.env.UPSTREAM_TIMEOUT_MS || 20000);
if (!Number.isFinite(upstreamTimeoutMs) || upstreamTimeoutMs <= 0) {
  throw new Error(
    `UPSTREAM_TIMEOUT_MS must be a positive number of milliseconds, not "${process.env.UPSTREAM_TIMEOUT_MS}".`,
  );
}
const distDir = fileURLToPath(new URL('../dist', import.meta.url));

const app = buildServer({
  distDir,
  upstream,
  upstreamTimeoutMs,
  modes,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(() => process.exit(0));
  });
}

// Plain lines before Fastify's JSON "Server listening" line, so a person reads them first: this
// listener is added before listen() adds Fastify's own, and listeners run in that order.
app.server.once('listening', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (app.server.address());
  console.log(startupLines(address, upstream, modes).join('\n'));
});

await app.listen({ host, port });
app.log.info({ upstream, upstreamTimeoutMs, modes }, 'started');
