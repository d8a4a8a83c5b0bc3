import { z } from 'zod';
import * as zm from 'zod/mini';
import { ApiError, NetworkError, describeError, fieldErrors, hasStatus } from '@/api/errors';
import { MATRIX_FAULTS, type MatrixFault } from '@/test/fault-matrix';

describe('fieldErrors reads the undocumented errors[] leniently', () => {
  it.each<[unknown[], { field?: string; message: string }[]]>([
    [['{}', '{}'], []],
    [['url must be https'], [{ message: 'url must be https' }]],
    [[{ property: 'name', message: 'too long' }], [{ field: 'name', message: 'too long' }]],
    [
      [{ instancePath: '/eventTypes/0', message: 'bad' }],
      [{ field: 'eventTypes.0', message: 'bad' }],
    ],
    [
      [{ path: ['headers', 'x'], msg: 'bad header' }],
      [{ field: 'headers.x', message: 'bad header' }],
    ],
    [[{ field: 'url' }], [{ field: 'url', message: 'is invalid' }]],
    [[null, 5, {}], []],
  ])('%j', (errors, expected) => {
    expect(fieldErrors(new ApiError(400, 'Bad Request', { errors }))).toEqual(expected);
  });
});

/** What this console's server answers when the API cannot be reached (server/proxy.js). */
function gatewayError(cause: string, host = 'api.1nce.invalid', extra: object = {}) {
  const status = cause === 'timeout' ? 504 : 502;
  return new ApiError(status, status === 504 ? 'Gateway Timeout' : 'Bad Gateway', {
    statusCode: status,
    errors: [{ message: `${host} could not be reached (SOME_CODE)` }],
    upstream: { host, cause, code: 'SOME_CODE', ...extra },
  });
}

/** How often a sentence (up to its full stop) occurs in a text. */
function sentenceCounts(text: string): number[] {
  const sentences = text.split(/(?<=\.)\s+/).map((sentence) => sentence.trim());
  return sentences.map((sentence) => sentences.filter((other) => other === sentence).length);
}

describe('hasStatus', () => {
  it('is true only for the API’s answer with one of the statuses', () => {
    const forbidden = new ApiError(403, 'Forbidden', {});
    expect(hasStatus(forbidden, 403)).toBe(true);
    expect(hasStatus(forbidden, 404, 403)).toBe(true);
    expect(hasStatus(forbidden, 429)).toBe(false);
    expect(hasStatus(new NetworkError(new TypeError('Failed to fetch')), 403)).toBe(false);
    expect(hasStatus({ status: 403 }, 403)).toBe(false);
  });
});

describe('describeError', () => {
  it('says an answer that does not match its schema is unreadable, from zod/mini or full zod', () => {
    const thrown = [
      () => zm.parse(zm.object({ id: zm.string() }), { id: 1 }),
      () => z.object({ id: z.string() }).parse({ id: 1 }),
    ].map((parse) => {
      try {
        parse();
      } catch (error) {
        return error;
      }
      throw new Error('parsed');
    });
    for (const error of thrown) {
      expect(describeError(error)).toBe('The API answered with data this console cannot read.');
    }
  });

  it('says a 404 without naming what was asked for (an integration, a SIM, a log)', () => {
    const message = describeError(new ApiError(404, 'Not Found', {}));
    expect(message).toBe('The 1NCE API found nothing there: it no longer exists or never did.');
    expect(message).not.toMatch(/integration|SIM|log/i);
  });

  it('says how long a 429 asks to wait, or to wait a moment', () => {
    expect(describeError(new ApiError(429, 'Too Many Requests', {}, '3'))).toBe(
      'Too many requests to the 1NCE API. Try again in 3 s.',
    );
    expect(describeError(new ApiError(429, 'Too Many Requests', {}))).toBe(
      'Too many requests to the 1NCE API. Wait a moment and try again.',
    );
  });
});

describe('describeError for each fault of the e2e fault matrix, as Test and Restart say it', () => {
  it.each<[MatrixFault, string]>([
    [
      '400 with an errors list',
      'The API rejected the request. url: url is not reachable from 1NCE',
    ],
    ['403', 'Your API user is not allowed to do this.'],
    [
      '404 (deleted in another tab)',
      'The 1NCE API found nothing there: it no longer exists or never did.',
    ],
    ['409', 'The API reported a conflict.'],
    ['429 with Retry-After', 'Too many requests to the 1NCE API. Try again in 2 s.'],
    ['500', 'The 1NCE API had an internal error. Try again in a moment.'],
    ['503', 'The 1NCE API is unavailable. Try again in a moment.'],
    [
      'network down',
      'The console could not reach the server. Check your connection and try again.',
    ],
  ])('%s', (fault, message) => {
    expect(describeError(MATRIX_FAULTS[fault])).toBe(message);
  });
});

describe('describeError for a 502/504 of the console’s server', () => {
  it.each<[string, RegExp]>([
    ['dns', /could not find api\.1nce\.invalid in DNS.*Check MANAGEMENT_API_URL and the DNS/],
    ['refused', /api\.1nce\.invalid refused the connection.*API is running.*right port/],
    ['tls', /secure \(TLS\) connection to api\.1nce\.invalid.*certificate.*proxy/],
    ['reset', /api\.1nce\.invalid closed the connection before answering\. Try again/],
    ['unreachable', /no network route to api\.1nce\.invalid.*firewall/],
    ['something-new', /could not reach api\.1nce\.invalid\. Check MANAGEMENT_API_URL/],
  ])('names the host once and gives a fix for %s', (cause, expected) => {
    const message = describeError(gatewayError(cause));
    expect(message).toMatch(expected);
    expect(gatewayError(cause).message).toBe(message);
    expect(message.split('api.1nce.invalid')).toHaveLength(2);
    expect(message).not.toContain('SOME_CODE');
    expect(message).not.toMatch(/1NCE API could not be reached/);
  });

  it('says how long a timeout waited and which setting changes it', () => {
    expect(describeError(gatewayError('timeout', 'api.1nce.com', { timeoutMs: 20000 }))).toBe(
      "api.1nce.com did not answer the console's server within 20 s. Try again; if it keeps happening, check that server's network or raise UPSTREAM_TIMEOUT_MS.",
    );
  });

  it('reads the body leniently: no upstream, a bad one, or a 4xx is the usual description', () => {
    const noUpstream = new ApiError(502, 'Bad Gateway', { errors: [] });
    const badUpstream = new ApiError(502, 'Bad Gateway', { upstream: { cause: 'dns' } });
    const clientError = new ApiError(400, 'Bad Request', {
      upstream: { host: 'api.1nce.invalid', cause: 'dns' },
    });
    expect(noUpstream.upstream).toBeUndefined();
    expect(badUpstream.upstream).toBeUndefined();
    expect(clientError.upstream).toBeUndefined();
    expect(describeError(noUpstream)).toBe(
      'The 1NCE API could not be reached. Try again in a moment.',
    );
    expect(gatewayError('whatever').upstream).toEqual({
      host: 'api.1nce.invalid',
      cause: 'other',
    });
  });

  it('never says the same sentence twice, even for an older server’s 502 body', () => {
    const older = new ApiError(502, 'Bad Gateway', {
      statusCode: 502,
      statusText: 'Bad Gateway',
      errors: [{ message: 'The 1NCE API could not be reached' }],
    });
    expect(describeError(older)).toBe('The 1NCE API could not be reached. Try again in a moment.');
    for (const cause of ['dns', 'refused', 'tls', 'reset', 'unreachable', 'timeout', 'other']) {
      expect(sentenceCounts(describeError(gatewayError(cause)))).not.toContain(2);
    }
  });
});
