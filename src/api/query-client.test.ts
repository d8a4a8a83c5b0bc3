import { ApiError, NetworkError } from '@/api/errors';
import { isRetriable, shouldRetryQuery } from '@/api/query-client';

const gateway = (cause: string) =>
  new ApiError(502, 'Bad Gateway', { upstream: { host: 'api.1nce.invalid', cause } });

describe('shouldRetryQuery', () => {
  it.each(['dns', 'refused', 'tls', 'timeout'])(
    'never retries when the console’s server reports %s: the user sees why at once',
    (cause) => {
      expect(shouldRetryQuery(0, gateway(cause))).toBe(false);
    },
  );

  it.each(['reset', 'unreachable', 'other'])('retries a passing upstream failure (%s)', (cause) => {
    expect(shouldRetryQuery(0, gateway(cause))).toBe(true);
    expect(shouldRetryQuery(3, gateway(cause))).toBe(false);
  });

  it.each<[string, boolean, unknown]>([
    ['a 502 from the API itself', true, new ApiError(502, 'Bad Gateway', {})],
    ['a 503', true, new ApiError(503, 'Service Unavailable', {})],
    ['a 429', true, new ApiError(429, 'Too Many Requests', {})],
    [
      'a 403 (e.g. no right to read administration logs)',
      false,
      new ApiError(403, 'Forbidden', {}),
    ],
    ['a 404', false, new ApiError(404, 'Not Found', {})],
    ['a network error', true, new NetworkError(new TypeError('Failed to fetch'))],
  ])('first failure with %s: retry %s', (_name, expected, error) => {
    expect(shouldRetryQuery(0, error)).toBe(expected);
    expect(isRetriable(error)).toBe(expected);
  });

  it.each<[string, number, boolean, unknown]>([
    ['a 503', 2, true, new ApiError(503, 'Service Unavailable', {})],
    ['a 503', 3, false, new ApiError(503, 'Service Unavailable', {})],
    // Waited out for longer: Retry-After says when, and the limit is shared with other tools.
    ['a 429', 3, true, new ApiError(429, 'Too Many Requests', {}, '1')],
    ['a 429', 4, true, new ApiError(429, 'Too Many Requests', {}, '1')],
    ['a 429', 5, false, new ApiError(429, 'Too Many Requests', {}, '1')],
    ['a network error', 3, false, new NetworkError(new TypeError('Failed to fetch'))],
  ])('%s after %i failures: retry %s', (_name, failures, expected, error) => {
    expect(shouldRetryQuery(failures, error)).toBe(expected);
  });
});

describe('isRetriable', () => {
  it.each(['dns', 'refused', 'tls', 'timeout'])(
    'a %s of the console’s server is not worth asking again',
    (cause) => {
      expect(isRetriable(gateway(cause))).toBe(false);
    },
  );

  it('a 400 or 409 will not change either; a 408 may', () => {
    expect(isRetriable(new ApiError(400, 'Bad Request', {}))).toBe(false);
    expect(isRetriable(new ApiError(409, 'Conflict', {}))).toBe(false);
    expect(isRetriable(new ApiError(408, 'Request Timeout', {}))).toBe(true);
  });
});
