// Metadata injection exactly as 1NCE documents it (Webhook Configuration, "Metadata Injection in
// Webhook Definitions"): `:iccid:`, `:imsi:`, `:ip:` in the URL and in header values become the
// device's values, `none` when the event lacks them; any other `:word:` stays as typed.
// Dependency-free and pure, so the preview can run it on every keystroke.

export const PLACEHOLDERS = ['iccid', 'imsi', 'ip'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** What 1NCE substitutes when an event carries no value for a placeholder. */
export const MISSING = 'none';

export type DeviceContext = Partial<Record<Placeholder, string>>;

export interface WebhookDefinition {
  url: string;
  headers: Record<string, string>;
}

const SUPPORTED = /:(iccid|imsi|ip):/g;

/** A value that is absent or empty counts as missing, as it would for an event without a device. */
export function valueFor(placeholder: Placeholder, context: DeviceContext): string {
  const value = context[placeholder];
  return value === undefined || value === '' ? MISSING : value;
}

/**
 * One left-to-right pass, so an injected value is never scanned again (a value that itself
 * contained `:ip:` stays literal), and adjacent tokens such as `:iccid::imsi:` both resolve.
 */
export function inject(template: string, context: DeviceContext): string {
  return template.replace(SUPPORTED, (_, name: Placeholder) => valueFor(name, context));
}

export function injectDefinition(
  definition: WebhookDefinition,
  context: DeviceContext,
): WebhookDefinition {
  return {
    url: inject(definition.url, context),
    headers: Object.fromEntries(
      Object.entries(definition.headers).map(([name, value]) => [name, inject(value, context)]),
    ),
  };
}

export type Span =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; text: string; name: Placeholder }
  | { kind: 'unknown'; text: string; name: string; suggestion?: Placeholder };

// A candidate token: a colon, a name that starts with a letter, a colon. Names starting with a
// digit are left alone so ports and times (`host:8443`, `12:30:00`) are never flagged. Supported
// names go first and an unknown name may not end on the colon that opens one, so the spans agree
// with inject(): in `urn:dev:iccid:` it is `:iccid:` that 1NCE replaces, not `:dev:`.
const TOKEN = /:(iccid|imsi|ip):|:([A-Za-z][A-Za-z0-9_.-]*):(?!(?:iccid|imsi|ip):)/g;

const ALIASES: Record<string, Placeholder> = {
  ipaddress: 'ip',
  ip_address: 'ip',
  'ip-address': 'ip',
  deviceip: 'ip',
  device_ip: 'ip',
  'device-ip': 'ip',
  imsi1: 'imsi',
  sim: 'iccid',
  simid: 'iccid',
  sim_id: 'iccid',
};

/** Which supported placeholder a mistyped name most likely meant, if any. */
export function suggestPlaceholder(name: string): Placeholder | undefined {
  const lower = name.toLowerCase();
  const exact = PLACEHOLDERS.find((placeholder) => placeholder === lower);
  if (exact) return exact;
  if (ALIASES[lower]) return ALIASES[lower];
  let best: { placeholder: Placeholder; distance: number } | undefined;
  for (const placeholder of PLACEHOLDERS) {
    const distance = editDistance(lower, placeholder);
    const allowed = placeholder.length <= 2 ? 1 : 2;
    if (distance <= allowed && (!best || distance < best.distance))
      best = { placeholder, distance };
  }
  return best?.placeholder;
}

/**
 * Splits a template into literal text, supported placeholders and unknown `:word:` tokens (with
 * a suggestion for near misses such as `:iccd:` or `:ICCID:`). Joining every span's text gives the
 * template back. IPv6 literals in brackets are text, so `[2001:db8::1]` is never a token.
 */
export function tokenize(template: string): Span[] {
  const spans: Span[] = [];
  let text = '';
  const flush = () => {
    if (text) spans.push({ kind: 'text', text });
    text = '';
  };
  const masked = maskBrackets(template);
  let last = 0;
  for (let match = TOKEN.exec(masked); match; match = TOKEN.exec(masked)) {
    text += template.slice(last, match.index);
    const raw = template.slice(match.index, match.index + match[0].length);
    const name = (match[1] ?? match[2])!;
    flush();
    if ((PLACEHOLDERS as readonly string[]).includes(name)) {
      spans.push({ kind: 'placeholder', text: raw, name: name as Placeholder });
    } else {
      const suggestion = suggestPlaceholder(name);
      spans.push({ kind: 'unknown', text: raw, name, ...(suggestion && { suggestion }) });
    }
    last = match.index + match[0].length;
  }
  TOKEN.lastIndex = 0;
  text += template.slice(last);
  flush();
  return spans;
}

// inject() replaces supported placeholders inside brackets too, so only the rest is masked.
function maskBrackets(template: string): string {
  return template.replace(/\[[^\]]*\]/g, (inner) =>
    inner.replace(/:(?:iccid|imsi|ip):|[^]/g, (part) => (part.length > 1 ? part : '#')),
  );
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
