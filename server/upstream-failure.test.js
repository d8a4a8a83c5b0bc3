import { describe, expect, it } from 'vitest';
import { classifyUpstreamFailure } from './upstream-failure.js';

describe('classifyUpstreamFailure', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET', 'reset'],
    ['EHOSTUNREACH', 'unreachable'],
    ['ENETUNREACH', 'unreachable'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['EWHATEVER', 'other'],
  ])('classifies fetch failing with %s as %s', (code, cause) => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error(code), { code }),
    });
    expect(classifyUpstreamFailure(error)).toEqual({ cause, code });
  });

  it('classifies a failed connect to every address of a host by its first code', () => {
    const inner = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]);
    expect(classifyUpstreamFailure(new TypeError('fetch failed', { cause: inner }))).toEqual({
      cause: 'refused',
      code: 'ECONNREFUSED',
    });
    expect(classifyUpstreamFailure(new DOMException('late', 'TimeoutError'))).toEqual({
      cause: 'timeout',
      code: 'timeout',
    });
  });
});
