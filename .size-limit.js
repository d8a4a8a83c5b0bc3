// size-limit checks (npm run size, part of npm test), limits from budgets.json. Run on dist/:
// `npm run size` builds first. Only the demo backend is gated here, offline, since its chunks
// are all counted whether a page loads them at once or on demand; the live list's budgets are
// gated as served by npm run bench:bytes (scripts/bench-load.js), each budget in one place.
import { existsSync, readdirSync } from 'node:fs';
import budgets from './budgets.json' with { type: 'json' };

const { bundle } = budgets;
const dist = 'dist';
if (!existsSync(`${dist}/index.html`)) throw new Error('No build in dist/: run `npm run build`');

// A pattern that matches nothing would pass any limit with 0 B: a renamed chunk must fail here.
if (!readdirSync(`${dist}/assets`).some((file) => /^demo-[\w-]+\.js$/.test(file))) {
  throw new Error(`No ${dist}/assets/demo-*.js: was the demo chunk renamed?`);
}

export default [
  {
    name: 'Demo backend, loaded on demand in demo mode only (assets/demo-*.js)',
    path: `${dist}/assets/demo-*.js`,
    gzip: true,
    limit: `${bundle.demo.limitGzipBytes} B`,
  },
];
