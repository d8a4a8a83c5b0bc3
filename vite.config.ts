import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { withConfig } from './server/app-shell.js';
import { devProxyGuard, keepForwardedResponseHeaders } from './server/dev-proxy-guard.js';
import { consoleConfig, parseConsoleModes, upstreamFromEnv } from './server/modes.js';
import { firstLoadGroups } from './scripts/first-load-chunks.js';
import { precompress } from './scripts/precompress.js';
import { OWN_MODULES } from './scripts/unit-own-modules.js';

// `npm run dev` reads the settings `npm start` reads (server/modes.js), so CONSOLE_MODES and
// MANAGEMENT_API_URL can be tried without a build; a refused CONSOLE_MODES stops Vite at once.
const upstream = upstreamFromEnv(process.env);
const modes = parseConsoleModes(process.env.CONSOLE_MODES);

// The page gets its config as server/app.js writes it, and the proxy forwards only what the
// production server forwards (server/allow-list.js), both ways: added in configureServer, the
// guard runs before Vite's own middlewares, so before server.proxy; its `proxyRes` handler
// (below) drops the response headers the server would not pass back.
const consoleDeployment: Plugin = {
  name: 'console-deployment',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use(devProxyGuard(modes));
  },
  transformIndexHtml: (html) => withConfig(html, consoleConfig(upstream, modes)),
};

// The demo's MSW keeps cookies with tough-cookie, which brings the public-suffix list (tldts):
// the demo sets no cookies, so the browser build takes a stand-in (src/mocks/tough-cookie-stub.ts).
// Vitest and the API stand-in keep the real one.
const demoWithoutCookieJar: Plugin = {
  name: 'demo-without-cookie-jar',
  apply: 'build',
  enforce: 'pre',
  resolveId: (id) =>
    id === 'tough-cookie'
      ? fileURLToPath(new URL('./src/mocks/tough-cookie-stub.ts', import.meta.url))
      : undefined,
};

// Mantine's ScrollArea (under every Table) takes one small hook, useMergeRefs, from
// @floating-ui/react; in a split build that module comes whole, ~15 kB gzip of positioning code
// on the list's first load for nothing it shows. The build gives ScrollArea Mantine's own
// useMergedRef instead (the same merge of refs); Tooltip, Popover and the rest keep floating-ui,
// loaded with them. e2e/perf.spec.ts checks the list page never loads floating-ui.
const SCROLL_AREA =
  /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]ScrollArea\.mjs$/;
const FLOATING_IMPORT = 'import { useMergeRefs } from "@floating-ui/react";';
const scrollAreaWithoutFloatingUi: Plugin = {
  name: 'scroll-area-without-floating-ui',
  apply: 'build',
  transform(code, id) {
    if (!SCROLL_AREA.test(id)) return undefined;
    // Fails the build if Mantine changes the import, rather than quietly keeping floating-ui.
    if (!code.includes(FLOATING_IMPORT)) this.error(`${id} no longer imports useMergeRefs`);
    return code.replace(
      FLOATING_IMPORT,
      'import { useMergedRef } from "@mantine/hooks";\n' +
        'const useMergeRefs = (refs) => useMergedRef(...refs);',
    );
  },
};

// Mantine's Table sets Table.ScrollContainer, which is ScrollArea: ~5 kB gzip on the first load of
// every page with a table (the list's included), for a component the console never renders (its
// tables scroll in their own wrappers). The build leaves it out; eslint.config.js forbids
// Table.ScrollContainer in src/, so nothing can reach the missing property.
const TABLE = /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/]Table[\\/]Table\.mjs$/;
const SCROLL_CONTAINER = [
  'import { TableScrollContainer } from "./TableScrollContainer.mjs";',
  'Table.ScrollContainer = TableScrollContainer;',
];
const tableWithoutScrollContainer: Plugin = {
  name: 'table-without-scroll-container',
  apply: 'build',
  transform(code, id) {
    if (!TABLE.test(id)) return undefined;
    let trimmed = code;
    for (const line of SCROLL_CONTAINER) {
      // Fails the build if Mantine changes these lines, rather than quietly keeping ScrollArea.
      if (!trimmed.includes(line)) this.error(`${id} no longer has: ${line}`);
      trimmed = trimmed.replace(line, '');
    }
    return trimmed;
  },
};

const source = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
const DEMO_CODE = /[\\/]src[\\/](mocks|demo)[\\/]/;

export default defineConfig({
  plugins: [
    react(),
    consoleDeployment,
    demoWithoutCookieJar,
    scrollAreaWithoutFloatingUi,
    tableWithoutScrollContainer,
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/management-api': {
        target: upstream,
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/management-api/, ''),
        configure: (proxy) => proxy.on('proxyRes', keepForwardedResponseHeaders),
      },
    },
  },
  build: {
    target: 'es2022',
    rolldownOptions: {
      // .br and .gz beside each text file, for the server to send as they are.
      plugins: [precompress()],
      output: {
        codeSplitting: {
          groups: [
            // What the entry loads statically, in one chunk rather than dozens of small shared
            // ones: each is a request in the first load's waterfall (bench:load, Lighthouse mobile).
            // It also keeps zod's jitless setting (src/api/zod-jitless.ts, main.tsx's first import)
            // in the entry's chunk, evaluated before any first-load module builds a schema; a
            // shared chunk the entry imports would run first, and its schemas probe eval (a CSP
            // violation: e2e/modes.spec.ts).
            { name: 'initial', tags: ['$initial'], priority: 100 },
            ...firstLoadGroups(
              {
                entry: source('main.tsx'),
                signIn: source('app/sign-in-form.tsx'),
                list: source('integrations/list-page.tsx'),
                demo: source('mocks/browser.ts'),
              },
              (id) => DEMO_CODE.test(id),
              50,
            ),
          ],
        },
        // Demo-only code gets a recognisable name, so a test can prove live pages never load it.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some(
            (id) => DEMO_CODE.test(id) || /[\\/]node_modules[\\/]msw[\\/]/.test(id),
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
          // One jsdom and module cache per worker rather than per file: a new environment,
          // setup and imports for each file was ~45% of the run (docs/testing.md). The setup
          // file resets what the app and the jsdom keep between files.
          isolate: false,
          setupFiles: ['./src/test/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...OWN_MODULES],
        },
      },
      {
        extends: true,
        test: {
          name: 'app-isolated',
          environment: 'jsdom',
          setupFiles: ['./src/test/setup.ts'],
          include: OWN_MODULES,
        },
      },
      {
        extends: true,
        test: { name: 'server', environment: 'node', include: ['server/**/*.test.js'] },
      },
      {
        extends: true,
        // Checks of the source tree that read files (Node): Mantine's stylesheets per module.
        test: { name: 'source', environment: 'node', include: ['scripts/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'upstream',
          environment: 'node',
          include: ['scripts/upstream/**/*.test.ts'],
        },
      },
    ],
  },
});
