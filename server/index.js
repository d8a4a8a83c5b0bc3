import { fileURLToPath } from 'node:url';
import { buildServer, DEFAULT_UPSTREAM } from './app.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const upstream = (process.env.MANAGEMENT_API_URL || DEFAULT_UPSTREAM).replace(/\/+$/, '');
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
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(() => process.exit(0));
  });
}

await app.listen({ host, port });
app.log.info(
  { upstream, upstreamTimeoutMs },
  `Integrator Console on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}, live mode via ${upstream}`,
);
