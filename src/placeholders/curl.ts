/** POSIX single quoting: safe for any input, including quotes, `$`, backticks and newlines. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export const REDACTED = '<redacted>';

export interface CurlRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
}

interface CurlOptions {
  /** Whether values of credential-looking headers and query parameters stay in the command. */
  includeSecrets: boolean;
  isSecret: (name: string) => boolean;
}

export function redactUrl(url: string, isSecret: (name: string) => boolean): string {
  const [beforeHash, hash] = splitOnce(url, '#');
  const [base, query] = splitOnce(beforeHash, '?');
  if (query === undefined) return url;
  const redacted = query
    .split('&')
    .map((pair) => {
      const [name, value] = splitOnce(pair, '=');
      return value !== undefined && isSecret(decodeSafe(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${base}?${redacted}${hash === undefined ? '' : `#${hash}`}`;
}

export function toCurl(request: CurlRequest, { includeSecrets, isSecret }: CurlOptions): string {
  const url = includeSecrets ? request.url : redactUrl(request.url, isSecret);
  const lines = [`curl -X ${request.method} ${shellQuote(url)}`];
  for (const [name, value] of request.headers) {
    const shown = includeSecrets || !isSecret(name) ? value : REDACTED;
    lines.push(`-H ${shellQuote(`${name}: ${shown}`)}`);
  }
  if (request.body !== undefined) lines.push(`--data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const index = value.indexOf(separator);
  return index === -1 ? [value, undefined] : [value.slice(0, index), value.slice(index + 1)];
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
