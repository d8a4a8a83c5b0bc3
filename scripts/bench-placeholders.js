// Micro-benchmark for the placeholder preview, which re-runs on every keystroke in the webhook
// form: it has to stay far below one frame even for unrealistically large definitions.
// Usage: npm run bench
import { performance } from 'node:perf_hooks';
import { createTsLoader } from './ts-loader.js';

const server = await createTsLoader();
// Only what this script calls, typed by hand: importing the app's types would pull src/ into the
// node tsconfig, which has neither the `@/` alias nor the DOM lib.
/**
 * @typedef {Record<string, string>} Context
 * @typedef {{ url: string, headers: Record<string, string> }} Definition
 * @typedef {{
 *   inject: (template: string, context: Context) => string,
 *   injectDefinition: (definition: Definition, context: Context) => Definition,
 *   tokenize: (template: string) => { kind: string, text: string }[],
 * }} InjectModule
 * @typedef {{
 *   EXAMPLE_DEVICE: Context,
 *   buildPreview: (input: {
 *     definition: Definition,
 *     eventTypes: string[],
 *     jsonPayloadEnabled: boolean,
 *     scenario: 'device' | 'no-device' | 'test',
 *     device: Context,
 *     integration: { id: string, name: string },
 *   }) => { bodies: unknown[], warnings: unknown[] },
 * }} PreviewModule
 */
/** @type {InjectModule} */
let placeholders;
/** @type {PreviewModule} */
let preview;
try {
  placeholders = /** @type {InjectModule} */ (
    await server.ssrLoadModule('/src/placeholders/inject.ts')
  );
  preview = /** @type {PreviewModule} */ (
    await server.ssrLoadModule('/src/placeholders/preview.ts')
  );
} finally {
  await server.close();
}
const { inject, injectDefinition, tokenize } = placeholders;
const { buildPreview, EXAMPLE_DEVICE } = preview;

const FRAME_MS = 16.7;
const SAMPLES = 200;
// Each sample times a batch long enough that timer resolution (often 5 µs or coarser) is noise.
const BATCH_TARGET_MS = 2;
const WARMUP_MS = 300;

// Supported, unknown and near-miss tokens, so the edit-distance path is exercised too.
const TOKENS = [':iccid:', ':imsi:', ':ip:', ':iccd:', ':tracking_id:'];
const url =
  'https://hooks.example.com/ingest/:iccid:?' +
  Array.from({ length: 19 }, (_, i) => `p${i}=${TOKENS[(i + 1) % TOKENS.length]}`).join('&');
/** @type {Record<string, string>} */
const headers = Object.fromEntries(
  Array.from({ length: 50 }, (_, i) => [
    `x-header-${i}`,
    `v${i}-${TOKENS[i % TOKENS.length]}-${TOKENS[(i + 2) % TOKENS.length]}`,
  ]),
);
const definition = { url, headers };
const templates = [url, ...Object.values(headers)];
const device = { ...EXAMPLE_DEVICE };
const placeholderCount = tokenize(url).filter((span) => span.kind !== 'text').length;
if (placeholderCount !== 20)
  throw new Error(`expected 20 tokens in the URL, got ${placeholderCount}`);

// Results feed a sink so the engine cannot drop the calls as dead code.
let sink = 0;

/** @type {[string, () => void][]} */
const cases = [
  [
    '(a) inject + tokenize, URL with 20 tokens',
    () => {
      sink += inject(url, device).length + tokenize(url).length;
    },
  ],
  [
    '(b) injectDefinition, URL + 50 headers',
    () => {
      sink += injectDefinition(definition, device).url.length;
    },
  ],
  [
    '(c) tokenize all 51 templates',
    () => {
      for (const template of templates) sink += tokenize(template).length;
    },
  ],
  [
    '(d) buildPreview, 50 headers, 5 event types',
    () => {
      const result = buildPreview({
        definition,
        eventTypes: ['TELEMETRY_DATA', 'LIFECYCLE', 'GEOFENCE', 'LOCATION', 'ERROR'],
        jsonPayloadEnabled: true,
        scenario: 'device',
        device,
        integration: { id: 'AP3dIUs3c7_Oo2yJYaXWg', name: 'bench' },
      });
      sink += result.bodies.length + result.warnings.length;
    },
  ],
];

/**
 * @param {() => void} fn
 * @param {number} calls
 * @returns {number} milliseconds for all calls
 */
function timeBatch(fn, calls) {
  const start = performance.now();
  for (let i = 0; i < calls; i += 1) fn();
  return performance.now() - start;
}

/**
 * @param {number[]} sorted ascending
 * @param {number} q between 0 and 1
 */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** @param {() => void} fn */
function measure(fn) {
  let calls = 0;
  const warmupEnd = performance.now() + WARMUP_MS;
  while (performance.now() < warmupEnd) {
    fn();
    calls += 1;
  }
  const perCallMs = WARMUP_MS / calls;
  const batch = Math.max(1, Math.round(BATCH_TARGET_MS / perCallMs));
  /** @type {number[]} */
  const perCallUs = [];
  for (let i = 0; i < SAMPLES; i += 1) perCallUs.push((timeBatch(fn, batch) / batch) * 1000);
  perCallUs.sort((a, b) => a - b);
  return {
    batch,
    median: quantile(perCallUs, 0.5),
    p95: quantile(perCallUs, 0.95),
    max: perCallUs[perCallUs.length - 1] ?? NaN,
  };
}

/**
 * @param {string | number} value
 * @param {number} width
 */
const right = (value, width) => String(value).padStart(width);
/** @param {number} us */
const micro = (us) => (us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : us.toFixed(0));

const nameWidth = Math.max(...cases.map(([name]) => name.length));
console.log(
  `Placeholder preview, ${SAMPLES} samples per case, µs per call (frame budget ${FRAME_MS} ms)`,
);
console.log(
  `${'case'.padEnd(nameWidth)}  ${right('batch', 6)}  ${right('median', 8)}  ${right('p95', 8)}  ${right('max', 8)}  ${right('medians/frame', 13)}`,
);
for (const [name, fn] of cases) {
  const { batch, median, p95, max } = measure(fn);
  const perFrame = Math.floor((FRAME_MS * 1000) / median);
  console.log(
    `${name.padEnd(nameWidth)}  ${right(batch, 6)}  ${right(micro(median), 8)}  ${right(micro(p95), 8)}  ${right(micro(max), 8)}  ${right(perFrame.toLocaleString('en-US'), 13)}`,
  );
}
console.log('(each sample is a batch of calls, so max is the slowest batch average, not one call)');
if (!Number.isFinite(sink)) throw new Error('unreachable');
