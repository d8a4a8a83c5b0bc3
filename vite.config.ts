import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { configBlock } from './server/app-shell.js';
import { devProxyGuard } from './server/dev-proxy-guard.js';
import { parseConsoleModes } from './server/modes.js';
import { precompress } from './scripts/precompress.js';

// `npm run dev` forwards only what the production server forwards (server/allow-list.js): added
// in configureServer, the guard runs before Vite's own middlewares, so before server.proxy.
const managementApiAllowList: Plugin = {
  name: 'management-api-allow-list',
  configureServer(server) {
    server.middlewares.use(devProxyGuard);
  },
};

const upstream = process.env.MANAGEMENT_API_URL ?? 'https://api.1nce.com/management-api';

// `npm run dev` writes the config into the page as server/app.js does, from the same settings, so
// CONSOLE_MODES can be tried without a build (a refused value stops the dev server).
let devConfig: Record<string, unknown> | undefined;
const consoleConfig: Plugin = {
  name: 'console-config',
  apply: 'serve',
  configureServer() {
    devConfig = {
      upstream: new URL(upstream).host,
      modes: parseConsoleModes(process.env.CONSOLE_MODES),
    };
  },
  transformIndexHtml: (html) =>
    devConfig ? html.replace('</head>', `${configBlock(devConfig)}</head>`) : html,
};

export default defineConfig({
  plugins: [react(), managementApiAllowList, consoleConfig],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/management-api': {
        target: upstream,
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/management-api/, ''),
      },
    },
  },
  build: {
    target: 'es2022',
    rolldownOptions: {
      // .br and .gz beside each text file, for the server to send as they are.
      plugins: [precompress()],
      output: {
        // Demo-only code gets a recognisable name, so a test can prove live pages never load it.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) =>
            /[\\/](src[\\/]mocks|src[\\/]demo|node_modules[\\/]msw)[\\/]/.test(id),
          )
            ? 'assets/demo-[name]-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  test: {
    globals: true,
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          setupFiles: ['./src/test/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: { name: 'server', environment: 'node', include: ['server/**/*.test.js'] },
      },
    ],
  },
});
