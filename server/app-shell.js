import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The id src/app/console-config.ts reads the block by. */
export const CONFIG_ELEMENT_ID = 'console-config';

/**
 * The console config as a data block for index.html: JSON in a script element of type
 * application/json is never executed, so CSP `script-src 'self'` allows it, and the page reads its
 * config before deciding the tab's mode without a request. Every `<` is escaped, so no value can
 * close the element ("</script>") or open a comment.
 * @param {Record<string, unknown>} config
 */
export function configBlock(config) {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${CONFIG_ELEMENT_ID}">${json}</script>`;
}

/**
 * Which of br and gzip the request accepts (q=0 refuses), br preferred.
 * @param {string | string[] | undefined} header accept-encoding
 * @returns {'br' | 'gzip' | undefined}
 */
export function pickEncoding(header) {
  /** @type {Map<string, number>} */
  const accepted = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((item) => item.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  /** @param {string} name */
  const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/**
 * The built index.html with the config written into its head, read and compressed once at
 * start-up. @fastify/static must not serve index.html itself (nor its .br/.gz from the build,
 * which lack the config): every path that answers with the page (/, /index.html, the SPA
 * fallback) goes through `send`.
 * @param {string} distDir
 * @param {Record<string, unknown>} config
 */
export function appShell(distDir, config) {
  const built = readFileSync(join(distDir, 'index.html'), 'utf8');
  if (!built.includes('</head>')) throw new Error(`${distDir}/index.html has no </head>.`);
  const html = Buffer.from(built.replace('</head>', `${configBlock(config)}</head>`));
  const bodies = {
    br: brotliCompressSync(html, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gzip: gzipSync(html, { level: constants.Z_BEST_COMPRESSION }),
  };
  // Weak: the same page in any of its encodings. no-cache revalidates; this makes it a 304.
  const etag = `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;

  return {
    html,
    /**
     * @param {import('fastify').FastifyRequest} request
     * @param {import('fastify').FastifyReply} reply
     */
    send(request, reply) {
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', 'accept-encoding')
        .header('etag', etag);
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) {
        return reply.code(304).send();
      }
      const encoding = pickEncoding(request.headers['accept-encoding']);
      if (encoding) reply.header('content-encoding', encoding);
      return reply.send(encoding ? bodies[encoding] : html);
    },
  };
}
