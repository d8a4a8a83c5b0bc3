// Which built JS files a page needs before it can render, read off a Vite build's output: the
// hello-world reference (measure-hello-world.js) counts it this way. The browser-side truth is
// what a real page load requests (scripts/bench-load.js, e2e/perf.spec.ts); this is the offline
// approximation of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Vite's minified ESM chunks import each other as `from"./x.js"` or `import"./x.js"`; dynamic
// `import("./x.js")` (on-demand chunks) has a parenthesis and so never matches.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g;

/**
 * The scripts index.html loads at once: its module entry plus every modulepreload.
 * @param {string} outDir a Vite outDir
 * @returns {string[]} paths relative to outDir
 */
export function htmlEntryFiles(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?([^"]+\.js)"/g)].map(
    (match) => /** @type {string} */ (match[1]),
  );
  return staticClosure(outDir, files);
}

/**
 * The files plus every chunk they import statically, transitively (what the browser must fetch
 * before the first of them runs).
 * @param {string} outDir
 * @param {string[]} files paths relative to outDir, e.g. assets/index-abc.js
 * @returns {string[]}
 */
export function staticClosure(outDir, files) {
  const seen = new Set(files);
  const queue = [...files];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    const code = readFileSync(join(outDir, file), 'utf8');
    for (const [, name] of code.matchAll(STATIC_IMPORT)) {
      const dep = dir + name;
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return [...seen].sort();
}

/**
 * gzip -9, as @size-limit/file measures, so every figure in budgets.json is comparable.
 * @param {Buffer | string} content
 */
export function gzipBytes(content) {
  return gzipSync(content, { level: 9 }).length;
}

/** @param {number} bytes */
export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
