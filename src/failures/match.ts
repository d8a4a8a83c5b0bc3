import type { AdminLog } from '@/failures/schemas';

interface NamedIntegration {
  id: string;
  /** As the log names it at the time of the failure; the integration may have been renamed. */
  name?: string;
}

type FailureKind = 'integration-disabled' | 'plugin-disabled' | 'other';

const DISABLED = /^\s*CloudIntegrator\s*\[\s*IntegrationDisabled\s*\]/i;
const PLUGIN_DISABLED = /^\s*CloudIntegrator\s*\[\s*PluginDisabled\s*\]/i;

export function failureKind(entry: Pick<AdminLog, 'message'>): FailureKind {
  if (DISABLED.test(entry.message)) return 'integration-disabled';
  if (PLUGIN_DISABLED.test(entry.message)) return 'plugin-disabled';
  return 'other';
}

/** What 1NCE's message means, in human words; undefined for a message this console does not know. */
export function messageLabel(entry: Pick<AdminLog, 'message'>): string | undefined {
  switch (failureKind(entry)) {
    case 'integration-disabled':
      return 'Disabled after consecutive failed requests';
    case 'plugin-disabled':
      return 'A plugin failed and was disabled';
    default:
      return undefined;
  }
}

const QUOTES: Record<string, string> = {
  '"': '"',
  "'": "'",
  '`': '`',
  '“': '”',
  '‘': '’',
  '«': '»',
};
const ID = /integration\s+with\s+id\s*[:=]?\s*["'`“‘«]?([A-Za-z0-9_-]+)["'`”’»]?/i;
const NAME_START = /^\s*,?\s*and\s+(?:the\s+)?name\s*[:=]?\s*/i;
const UNTIL_DISABLED = /^(.*?)\s*\bwas\s+disabled\b/is;

/**
 * The integration a disabled-integration description names, as 1NCE words it:
 * `Integration with ID C-_wsByVWIW8PCq4OI82C and name "Broken_Webhook" was disabled due to
 * consecutive failed requests. …`. Lenient about case, spacing and the kind of quotes, since only
 * an example of the wording is documented; the name is whatever stands between `name` and
 * `was disabled` (so it may itself contain quotes), or else the quoted or first word after `name`.
 */
export function parseDisabledDescription(
  description: string | undefined,
): NamedIntegration | undefined {
  if (!description) return undefined;
  const idMatch = ID.exec(description);
  if (!idMatch?.[1]) return undefined;
  const id = idMatch[1];
  const rest = description.slice(idMatch.index + idMatch[0].length);
  const nameStart = NAME_START.exec(rest);
  if (!nameStart) return { id };
  const name = readName(rest.slice(nameStart[0].length));
  return name ? { id, name } : { id };
}

function readName(text: string): string | undefined {
  const beforeDisabled = UNTIL_DISABLED.exec(text)?.[1];
  let raw: string;
  if (beforeDisabled !== undefined) {
    raw = unquote(beforeDisabled.trim());
  } else {
    const close = QUOTES[text.charAt(0)];
    const end = close ? text.indexOf(close, 1) : -1;
    raw = close && end > 0 ? text.slice(1, end) : (text.split(/\s/)[0] ?? '');
  }
  const name = raw.replace(/\s+/g, ' ').trim();
  return name || undefined;
}

function unquote(text: string): string {
  const close = QUOTES[text.charAt(0)];
  return close && text.length >= 2 && text.endsWith(close) ? text.slice(1, -1) : text;
}

/** The integration an entry is about: its `integrationId` when 1NCE fills it, else the description. */
export function integrationOf(entry: AdminLog): NamedIntegration | undefined {
  const described = parseDisabledDescription(entry.description);
  if (entry.integrationId) {
    return {
      id: entry.integrationId,
      ...(described?.id === entry.integrationId && described.name && { name: described.name }),
    };
  }
  return described;
}

/**
 * The detail page's rows: every disabled-integration entry for this integration, and any other
 * integration error that carries its id. Plugin failures name no integration and stay out.
 */
export function failuresOf(entries: AdminLog[], integrationId: string): AdminLog[] {
  return entries.filter(
    (entry) =>
      failureKind(entry) !== 'plugin-disabled' && integrationOf(entry)?.id === integrationId,
  );
}

export interface FailureCount {
  count: number;
  /** The newest entry's timestamp. */
  last: string;
}

export interface RecentFailures {
  /** Each integration that was disabled, the most recently disabled first. */
  integrations: (NamedIntegration & FailureCount)[];
  plugins?: FailureCount;
  /** Disabled-integration entries whose integration could not be told (no id, unknown wording). */
  unattributed?: FailureCount;
}

/**
 * The list page's summary: only disabled integrations and plugins count; other errors do not.
 * `entries` come newest first, as fetchFailureLogs returns them: the first entry seen of each
 * kind is its last, and integrations are listed in the order they were last disabled.
 */
export function summarizeFailures(entries: AdminLog[]): RecentFailures {
  const integrations = new Map<string, NamedIntegration & FailureCount>();
  let plugins: FailureCount | undefined;
  let unattributed: FailureCount | undefined;
  const add = (current: FailureCount | undefined, timestamp: string): FailureCount => ({
    count: (current?.count ?? 0) + 1,
    last: current?.last ?? timestamp,
  });

  for (const entry of entries) {
    const kind = failureKind(entry);
    if (kind === 'plugin-disabled') plugins = add(plugins, entry.timestamp);
    if (kind !== 'integration-disabled') continue;
    const integration = integrationOf(entry);
    if (!integration) {
      unattributed = add(unattributed, entry.timestamp);
      continue;
    }
    const current = integrations.get(integration.id);
    // The name from the newest entry that has one: what the integration was last called.
    const name = current?.name ?? integration.name;
    integrations.set(integration.id, {
      id: integration.id,
      ...(name && { name }),
      ...add(current, entry.timestamp),
    });
  }

  return {
    integrations: [...integrations.values()],
    ...(plugins && { plugins }),
    ...(unattributed && { unattributed }),
  };
}
