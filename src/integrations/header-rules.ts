import { z } from 'zod';
import { isSecretName } from '@/placeholders/secrets';
import { headerValueProblem } from '@/placeholders/warnings';

// RFC 9110 token characters: what a header name may contain.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const HEADER_NAME_MAX = 256;
const HEADER_VALUE_MAX = 4096;

// The HTTP client sets these itself; a webhook that overrides them breaks its own requests.
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

export const headerRowSchema = z.object({
  key: z.string(),
  value: z.string(),
  /** 1NCE returned this header's value in a form the console cannot read back (see headersToRows). */
  unreadable: z.boolean().optional(),
});
export type HeaderRow = z.infer<typeof headerRowSchema>;

interface HeaderIssue {
  index: number;
  field: 'key' | 'value';
  message: string;
}

const EMPTY_SECRET_MESSAGE = 'Enter a value or remove the header';

/** What the form refuses in the header rows; the Preview leaves such rows out as the save would. */
export function headerIssues(rows: HeaderRow[]): HeaderIssue[] {
  const issues: HeaderIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const name = row.key.trim();
    const keyMessage = !name
      ? 'Enter a header name'
      : name.length > HEADER_NAME_MAX
        ? `Use at most ${HEADER_NAME_MAX} characters`
        : !HEADER_NAME.test(name)
          ? 'Use letters, digits and - _ . only: no spaces or colons'
          : RESERVED_HEADERS.has(name.toLowerCase())
            ? `1NCE sets ${name} itself; remove this header`
            : seen.has(name.toLowerCase())
              ? `Duplicate of header ${seen.get(name.toLowerCase())! + 1}: names ignore case`
              : undefined;
    if (keyMessage) issues.push({ index, field: 'key', message: keyMessage });
    else seen.set(name.toLowerCase(), index);

    const problem = headerValueProblem(row.value);
    const valueMessage =
      problem === 'line-break'
        ? 'A header value cannot contain line breaks'
        : row.value.length > HEADER_VALUE_MAX
          ? `Use at most ${HEADER_VALUE_MAX} characters`
          : problem === 'not-latin-1'
            ? 'Header values can only hold Latin-1 characters (no emoji or other scripts)'
            : // An empty credential is never what anyone means, and 1NCE would store it; an
              // unreadable stored value is checked at save time, when it is known whether the
              // headers are sent at all (blockedHeaders).
              row.value === '' && name && isSecretName(name) && !row.unreadable
              ? EMPTY_SECRET_MESSAGE
              : undefined;
    if (valueMessage) issues.push({ index, field: 'value', message: valueMessage });
  });
  return issues;
}

/** Whether a header name alone is refused (empty, not a token, set by 1NCE itself, too long). */
export function isRefusedHeaderName(name: string): boolean {
  return headerIssues([{ key: name, value: 'x' }]).length > 0;
}

/** The rows a save would send: the Preview shows exactly these. */
export function savableHeaderRows(rows: HeaderRow[]): HeaderRow[] {
  const refused = new Set(headerIssues(rows).map((issue) => issue.index));
  return rows.filter((_, index) => !refused.has(index));
}
