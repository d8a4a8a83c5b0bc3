import { isHttpsUrl } from '@/placeholders/url';

const URL_MAX = 2048;

/**
 * Everything wrong with an endpoint URL at once, in the order a user would fix it, so one submit
 * shows every problem. A check that needs a well-formed URL only runs when the others passed.
 */
export function urlProblems(raw: string): string[] {
  const value = raw.trim();
  if (!value) return ['Enter the endpoint URL'];
  const problems: string[] = [];
  if (!/^https:\/\//i.test(value) && /^[a-z][a-z0-9+.-]*:/i.test(value)) {
    problems.push('1NCE only delivers to https:// endpoints');
  }
  if (/\s/.test(value)) problems.push('A URL cannot contain spaces');
  if (value.length > URL_MAX) problems.push(`Use at most ${URL_MAX} characters`);
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(value)?.[1] ?? '';
  if (/:[A-Za-z][A-Za-z0-9_.-]*:/.test(authority.replace(/\[[^\]]*\]/g, ''))) {
    problems.push(
      'Placeholders cannot be used in the host: 1NCE needs one fixed host to deliver to',
    );
  }
  if (authority.includes('@')) {
    problems.push('Do not put credentials in the URL: add them as an HTTP header instead');
  }
  if (problems.length > 0) return problems;
  if (!isHttpsUrl(value)) return ['Enter an absolute URL such as https://example.com/hook'];
  const host = /^https:\/\/([^/?#:]*|\[[^\]]*\])/i.exec(value)?.[1] ?? '';
  // 1NCE wants special-character domains as punycode; the browser can tell us that form.
  if (/[^\p{ASCII}]/u.test(host)) {
    return [`Use the punycode form of the host: ${new URL(value).hostname}`];
  }
  return [];
}

const PRIVATE_IPV4 = [
  /^127\./, // loopback
  /^10\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^192\.168\./,
  /^169\.254\./, // link-local
  /^0\./,
];
const PRIVATE_SUFFIX = /(^|\.)(localhost|local|internal)$/i;

/**
 * A host 1NCE can never reach: it delivers from the public internet, so loopback, private and
 * link-local addresses and local-only names fail every delivery. A warning, not an error: a
 * split-horizon name may still be right for someone.
 */
export function unreachableHostWarning(raw: string): string | undefined {
  let hostname: string;
  try {
    hostname = new URL(raw.trim()).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const bare = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  const ipv6Private =
    bare === '::1' ||
    bare === '::' ||
    /^f[cd][0-9a-f]{2}:/.test(bare) ||
    /^fe[89ab][0-9a-f]:/.test(bare);
  const ipv4Private =
    /^\d+\.\d+\.\d+\.\d+$/.test(bare) && PRIVATE_IPV4.some((range) => range.test(bare));
  if (!ipv6Private && !ipv4Private && !PRIVATE_SUFFIX.test(bare)) return undefined;
  return `1NCE delivers from the internet and cannot reach ${bare}: use a public host name or address`;
}
