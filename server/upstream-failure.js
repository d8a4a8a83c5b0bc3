/**
 * @typedef {'dns' | 'refused' | 'tls' | 'reset' | 'unreachable' | 'timeout' | 'other'} UpstreamCause
 */

const DNS_CODES = ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME'];
const RESET_CODES = ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'];
const UNREACHABLE_CODES = ['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN'];
const TIMEOUT_CODES = ['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT'];
// OpenSSL and Node name certificate and handshake failures in these families.
const TLS_CODE =
  /^(ERR_SSL_|ERR_TLS_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_)/;

/**
 * What went wrong between this server and the upstream, from fetch's error (undici puts the
 * socket's error under `cause`; a connect to several addresses fails with an AggregateError).
 * @param {unknown} error
 * @returns {{ cause: UpstreamCause, code: string }}
 */
export function classifyUpstreamFailure(error) {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return { cause: 'timeout', code: 'timeout' };
  }
  const inner =
    error instanceof Error
      ? /** @type {{ code?: unknown, errors?: { code?: unknown }[] } | undefined} */ (error.cause)
      : undefined;
  const raw = inner?.code ?? inner?.errors?.find((item) => item?.code)?.code;
  const code = typeof raw === 'string' ? raw : error instanceof Error ? error.name : 'unknown';
  /** @type {UpstreamCause} */
  const cause = DNS_CODES.includes(code)
    ? 'dns'
    : code === 'ECONNREFUSED'
      ? 'refused'
      : TLS_CODE.test(code)
        ? 'tls'
        : RESET_CODES.includes(code)
          ? 'reset'
          : UNREACHABLE_CODES.includes(code)
            ? 'unreachable'
            : TIMEOUT_CODES.includes(code)
              ? 'timeout'
              : 'other';
  return { cause, code };
}

/**
 * One sentence for people reading the JSON (curl, logs); the console writes its own, with a fix.
 * @param {string} host @param {UpstreamCause} cause @param {string} code @param {number} timeoutMs
 */
export function upstreamFailureMessage(host, cause, code, timeoutMs) {
  switch (cause) {
    case 'dns':
      return `The console's server could not resolve ${host} (DNS: ${code})`;
    case 'refused':
      return `${host} refused the connection (${code})`;
    case 'tls':
      return `The TLS connection to ${host} failed (${code})`;
    case 'reset':
      return `${host} closed the connection before answering (${code})`;
    case 'unreachable':
      return `The console's server has no network route to ${host} (${code})`;
    case 'timeout':
      return `${host} did not answer within ${timeoutMs / 1000} s`;
    default:
      return `${host} could not be reached (${code})`;
  }
}
