import { ApiError, NetworkError } from '@/api/request';
import { shouldRetryQuery } from '@/api/query-client';

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
  });
});
