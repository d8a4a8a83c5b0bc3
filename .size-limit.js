// size-limit checks (npm run size, part of npm test), limits from budgets.json. Run on dist/:
// `npm run size` builds first. e2e/perf.spec.ts checks the same budget in the browser.
import { existsSync, readdirSync } from 'node:fs';
import budgets from './budgets.json' with { type: 'json' };
import { htmlEntryFiles, staticClosure } from './scripts/bundle-files.js';

const { bundle } = budgets;
const dist = 'dist';
if (!existsSync(`${dist}/index.html`)) throw new Error('No build in dist/: run `npm run build`');

// The list route's chunks are named after src/integrations/list-page.tsx; it is lazy, so what
// the browser fetches for it is those chunks plus everything they import statically.
const listRoute = readdirSync(`${dist}/assets`)
  .filter((file) => /^list-page-[\w-]+\.js$/.test(file))
  .map((file) => `assets/${file}`);
const listPage = staticClosure(dist, [...htmlEntryFiles(dist), ...listRoute]);
// A pattern that matches nothing would pass any limit with 0 B: a renamed chunk must fail here.
if (listRoute.length === 0) throw new Error(`No ${dist}/assets/list-page-*.js: was it renamed?`);
if (!readdirSync(`${dist}/assets`).some((file) => /^demo-[\w-]+\.js$/.test(file))) {
  throw new Error(`No ${dist}/assets/demo-*.js: was the demo chunk renamed?`);
}

export default [
  {
    name: 'List page, live mode: initial JS (index.html scripts + list route)',
    path: listPage.map((file) => `${dist}/${file}`),
    gzip: true,
    limit: `${bundle.listPageLive.limitGzipBytes} B`,
  },
  {
    name: 'Demo backend, loaded on demand in demo mode only (assets/demo-*.js)',
    path: `${dist}/assets/demo-*.js`,
    gzip: true,
    limit: `${bundle.demo.limitGzipBytes} B`,
  },
];
