import {
  inject,
  tokenize,
  type DeviceContext,
  type Span,
  type WebhookDefinition,
} from '@/placeholders/inject';
import { isHttpsUrl } from '@/placeholders/url';

export interface PreviewWarning {
  /** `url`, or the header's name. */
  where: string;
  message: string;
}

// RFC 9110 field values, as browsers and most HTTP stacks accept them: tab, visible ASCII and
// obs-text bytes; no line breaks, no NUL, nothing outside Latin-1.
const HEADER_VALUE = /^[\t\x20-\x7E\x80-\xFF]*$/;
// Named on their own: a message about Latin-1 would not explain a line break or NUL.
const LINE_BREAK_OR_NUL = /[\r\n\0]/;

/** Why `value` cannot be sent as an HTTP header value; undefined when it can. */
export function headerValueProblem(value: string): 'line-break' | 'not-latin-1' | undefined {
  if (HEADER_VALUE.test(value)) return undefined;
  return LINE_BREAK_OR_NUL.test(value) ? 'line-break' : 'not-latin-1';
}

/** Where the scheme ends and the authority (userinfo, host, port) ends, in the template. */
function urlParts(template: string): { schemeEnd: number; authorityEnd: number } {
  const scheme = /^[^/?#]*?:(?=\/\/)/.exec(template);
  const schemeEnd = scheme ? scheme[0].length : 0;
  if (!template.startsWith('//', schemeEnd)) return { schemeEnd, authorityEnd: schemeEnd };
  const rest = template.slice(schemeEnd + 2);
  const end = rest.search(/[/?#]/);
  return { schemeEnd, authorityEnd: schemeEnd + 2 + (end === -1 ? rest.length : end) };
}

function tokenPositions(spans: Span[]) {
  let offset = 0;
  return spans.flatMap((span) => {
    const start = offset;
    offset += span.text.length;
    return span.kind === 'text' ? [] : [{ span, start }];
  });
}

function unknownTokenMessage(span: Extract<Span, { kind: 'unknown' }>): string {
  const hint = span.suggestion ? ` Did you mean :${span.suggestion}:?` : '';
  return `${span.text} is not a placeholder 1NCE knows, so it is sent exactly as typed.${hint}`;
}

const IP_MESSAGE =
  ':ip: is the device’s address in its current data session and can change; do not route or identify devices by it (use :iccid: or :imsi:).';

/** Unknown or mistyped `:word:` tokens in one URL or header value, said where they were typed. */
export function unknownTokenWarnings(template: string): string[] {
  return tokenize(template).flatMap((span) =>
    span.kind === 'unknown' ? [unknownTokenMessage(span)] : [],
  );
}

/** Everything a user should know before saving this definition, for the given event context. */
export function previewWarnings(
  definition: WebhookDefinition,
  context: DeviceContext,
): PreviewWarning[] {
  const warnings: PreviewWarning[] = [];
  const urlSpans = tokenize(definition.url);
  const { schemeEnd, authorityEnd } = urlParts(definition.url);

  for (const { span, start } of tokenPositions(urlSpans)) {
    if (start < schemeEnd) {
      warnings.push({
        where: 'url',
        message: `${span.text} is in the URL’s scheme; 1NCE only delivers to https://.`,
      });
    } else if (start < authorityEnd) {
      warnings.push({
        where: 'url',
        message: `${span.text} is in the URL’s host: events would go to a different host per device, and to “none” for events without one.`,
      });
    }
  }
  const finalUrl = inject(definition.url, context);
  if (definition.url.trim() && !isHttpsUrl(finalUrl)) {
    warnings.push({
      where: 'url',
      message: `After injection this is not a valid https:// URL: ${finalUrl}`,
    });
  }

  const headerSpans = Object.entries(definition.headers).map(
    ([name, value]) => [name, value, tokenize(value)] as const,
  );
  const usesIp =
    urlSpans.some((span) => span.kind === 'placeholder' && span.name === 'ip') ||
    headerSpans.some(([, , spans]) =>
      spans.some((span) => span.kind === 'placeholder' && span.name === 'ip'),
    );
  if (usesIp) warnings.push({ where: ':ip:', message: IP_MESSAGE });

  for (const span of urlSpans) {
    if (span.kind === 'unknown')
      warnings.push({ where: 'url', message: unknownTokenMessage(span) });
  }
  for (const [name, value, spans] of headerSpans) {
    for (const span of spans) {
      if (span.kind === 'unknown')
        warnings.push({ where: name, message: unknownTokenMessage(span) });
    }
    if (headerValueProblem(inject(value, context))) {
      warnings.push({
        where: name,
        message:
          'After injection this is not a valid HTTP header value (line breaks or characters beyond Latin-1).',
      });
    }
  }
  return warnings;
}
