import { fileURLToPath } from 'node:url';
import { buildServer } from './app.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const distDir = fileURLToPath(new URL('../dist', import.meta.url));

const app = buildServer({ distDir, logger: { level: process.env.LOG_LEVEL ?? 'info' } });

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(() => process.exit(0));
  });
}

await app.listen({ host, port });
app.log.info(`Integrator Console on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
