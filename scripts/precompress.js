// Build step (vite.config.ts, build.rolldownOptions.plugins): writes a .br and a .gz beside every
// text file of the build, once, at maximum compression. The server sends them (@fastify/static
// preCompressed) instead of the ~1.3 MB of raw JS and CSS it sent before, without compressing on
// every request. Lighthouse counted ~640 ms of load time for the missing compression.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const TEXT = /\.(?:js|css|html|svg|json|txt)$/;
// Below this a compressed response saves less than its headers cost.
const MIN_BYTES = 1024;

/** @returns {import('vite').Plugin} */
export function precompress() {
  return {
    name: 'precompress',
    // After the write, so files Vite copies from public/ (the demo's service worker) count too.
    async writeBundle(options) {
      const outDir = options.dir;
      if (!outDir) return;
      const files = (await readdir(outDir, { recursive: true })).filter((file) => TEXT.test(file));
      // zlib's async calls run on libuv's threads: both cores work while this waits.
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file);
          const content = await readFile(path);
          if (content.length < MIN_BYTES) return;
          const [br, gzipped] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gz(content, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
        }),
      );
    },
  };
}
