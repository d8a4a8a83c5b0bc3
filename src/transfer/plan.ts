import {
  blockedHeaders,
  headersToRows,
  toWebhookInput,
  toWebhookPatch,
  webhookFormSchema,
  type WebhookFormValues,
} from '@/integrations/form';
import type { HeaderRow } from '@/integrations/header-rules';
import { eventTypeLabel } from '@/ui/labels';
import {
  subscribableEventTypeSchema,
  type IntegrationDetail,
  type IntegrationSummary,
  type WebhookCreate,
  type WebhookPatch,
} from '@/integrations/schemas';
import { isSecretName } from '@/placeholders/secrets';
import { REDACTED, type ExportedWebhook, type TransferFile } from '@/transfer/format';

type ChangedField = 'url' | 'headers' | 'eventTypes' | 'jsonPayloadEnabled';

export interface FieldChange {
  field: ChangedField;
  /** For headers: the header's name. */
  header?: string;
  before: string;
  after: string;
}

interface EntryBase {
  /** Position in the file's `webhooks`, for messages such as "webhooks[3]". */
  index: number;
  name: string;
}
interface CreateEntry extends EntryBase {
  input: WebhookCreate;
}
interface UpdateEntry extends EntryBase {
  id: string;
  patch: WebhookPatch;
  changes: FieldChange[];
}
interface UnchangedEntry extends EntryBase {
  id: string;
}
interface InvalidEntry extends EntryBase {
  reasons: string[];
}

export interface Plan {
  create: CreateEntry[];
  update: UpdateEntry[];
  unchanged: UnchangedEntry[];
  invalid: InvalidEntry[];
  /** In the account and not in the file: import never deletes. */
  onlyInAccount: IntegrationSummary[];
}

/** What a secret looks like in the plan: never its value. */
export const MASK = '•••••';
const NONE = '(none)';

/**
 * The account's integrations; those whose name the file names must be details (URL and headers),
 * the rest may be list items. Pure: what the dialog shows and what Apply sends both come from here.
 */
export function buildPlan(file: TransferFile, existing: IntegrationDetail[]): Plan {
  const plan: Plan = { create: [], update: [], unchanged: [], invalid: [], onlyInAccount: [] };
  const byName = new Map<string, IntegrationDetail[]>();
  for (const item of existing) byName.set(item.name, [...(byName.get(item.name) ?? []), item]);
  const duplicates = duplicatesInFile(file.webhooks);

  file.webhooks.forEach((entry, index) => {
    const base = { index, name: entry.name };
    const reasons = [...(duplicates.get(index) ?? [])];
    const matches = byName.get(entry.name) ?? [];
    const match = matches[0];
    if (matches.length > 1) {
      reasons.push(`${matches.length} integrations in this account have this name`);
    } else if (match && match.type !== 'WEBHOOK') {
      reasons.push('An integration of another type (AWS) has this name in this account');
    }
    const resolved = resolveHeaders(entry, matches.length === 1 ? match : undefined);
    reasons.push(...resolved.reasons, ...eventTypeReasons(entry));
    const values: WebhookFormValues = {
      name: entry.name,
      url: entry.url,
      headers: resolved.rows,
      eventTypes: [...new Set(entry.eventTypes.map(({ type }) => type))],
      jsonPayloadEnabled: entry.jsonPayloadEnabled ?? match?.jsonPayloadEnabled ?? false,
    };
    reasons.push(...formReasons(values));
    if (match && matches.length === 1 && reasons.length === 0) {
      for (const { name } of blockedHeaders(match, values)) {
        reasons.push(
          `Header ${name}: 1NCE did not return its stored value, and the headers change: enter the value in the file`,
        );
      }
    }
    if (reasons.length > 0) {
      plan.invalid.push({ ...base, reasons });
    } else if (!match) {
      plan.create.push({ ...base, input: toWebhookInput(values) });
    } else {
      const patch = toWebhookPatch(match, values);
      if (Object.keys(patch).length === 0) plan.unchanged.push({ ...base, id: match.id });
      else
        plan.update.push({ ...base, id: match.id, patch, changes: describeChanges(match, patch) });
    }
  });

  const named = new Set([
    ...file.webhooks.map((entry) => entry.name),
    ...(file.aws ?? []).map((entry) => entry.name),
  ]);
  plan.onlyInAccount = existing.filter((item) => !named.has(item.name));
  return plan;
}

/** Every entry whose name or URL another entry of the file has too: which one is meant is unknowable. */
function duplicatesInFile(webhooks: ExportedWebhook[]): Map<number, string[]> {
  const reasons = new Map<number, string[]>();
  const mark = (key: (entry: ExportedWebhook) => string, what: string) => {
    const seen = new Map<string, number[]>();
    webhooks.forEach((entry, index) => {
      const value = key(entry);
      if (value) seen.set(value, [...(seen.get(value) ?? []), index]);
    });
    for (const indexes of seen.values()) {
      if (indexes.length < 2) continue;
      for (const index of indexes) {
        const others = indexes
          .filter((other) => other !== index)
          .map((other) => `webhooks[${other}]`);
        reasons.set(index, [
          ...(reasons.get(index) ?? []),
          `Same ${what} as ${others.join(', ')} in this file`,
        ]);
      }
    }
  };
  mark((entry) => entry.name, 'name');
  // 1NCE allows one webhook per URL; compared as the mock backend does, after URL normalization.
  mark((entry) => normalizeUrl(entry.url), 'Endpoint URL');
  return reasons;
}

function normalizeUrl(raw: string): string {
  const url = raw.trim();
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/**
 * The header rows the save would send. A `<redacted>` value keeps the stored value on an update
 * (or stays unreadable when 1NCE hides it, as in the form); on a create there is nothing to keep.
 */
function resolveHeaders(
  entry: ExportedWebhook,
  match: IntegrationDetail | undefined,
): { rows: HeaderRow[]; reasons: string[] } {
  const stored = headersToRows(match?.headers);
  if (entry.headers === undefined) return { rows: match ? stored : [], reasons: [] };
  const reasons: string[] = [];
  const rows = Object.entries(entry.headers).map(([key, value]): HeaderRow => {
    if (value !== REDACTED) return { key, value };
    const kept = stored.find((row) => row.key === key.trim());
    if (!kept) {
      reasons.push(
        match
          ? `Header ${key}: enter the secret value (the file says ${REDACTED} and this webhook has no such header)`
          : `Header ${key}: enter the secret value (the file says ${REDACTED})`,
      );
    }
    // Unresolved, the entry is invalid anyway; the form's empty-secret message would only repeat it.
    return kept ? { ...kept, key } : { key, value };
  });
  return { rows, reasons };
}

function eventTypeReasons(entry: ExportedWebhook): string[] {
  return entry.eventTypes
    .filter(({ type }) => !subscribableEventTypeSchema.safeParse(type).success)
    .map(({ type }) => `Event types: ${type} is not an event type a webhook can subscribe to`);
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  url: 'Endpoint URL',
  eventTypes: 'Event types',
  jsonPayloadEnabled: 'JSON payload',
};

/** The form's own rules (form.ts), worded with the field they concern. */
function formReasons(values: WebhookFormValues): string[] {
  const result = webhookFormSchema.safeParse(values);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const [field, index] = issue.path;
    if (field === 'headers' && typeof index === 'number') {
      return `Header ${values.headers[index]?.key || index + 1}: ${issue.message}`;
    }
    return `${FIELD_LABELS[String(field)] ?? String(field)}: ${issue.message.replace(/\n/g, '; ')}`;
  });
}

const showValue = (name: string, value: string | undefined) =>
  value === undefined ? NONE : isSecretName(name) ? MASK : value;

/** Old → new for each field the PATCH sends; header values whose names look secret are masked. */
function describeChanges(original: IntegrationDetail, patch: WebhookPatch): FieldChange[] {
  const changes: FieldChange[] = [];
  if (patch.url !== undefined) {
    changes.push({ field: 'url', before: original.url ?? NONE, after: patch.url });
  }
  if (patch.headers !== undefined) {
    const before = new Map(
      headersToRows(original.headers).map((row) => [
        row.key,
        row.unreadable ? '(hidden by 1NCE)' : row.value,
      ]),
    );
    const after = new Map(Object.entries(patch.headers));
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(name) === after.get(name)) continue;
      changes.push({
        field: 'headers',
        header: name,
        before: showValue(name, before.get(name)),
        after: showValue(name, after.get(name)),
      });
    }
  }
  if (patch.eventTypes !== undefined) {
    changes.push({
      field: 'eventTypes',
      before: original.eventTypes.map(({ type }) => eventTypeLabel(type)).join(', ') || NONE,
      after: patch.eventTypes.map(({ type }) => eventTypeLabel(type)).join(', '),
    });
  }
  if (patch.jsonPayloadEnabled !== undefined) {
    changes.push({
      field: 'jsonPayloadEnabled',
      before: (original.jsonPayloadEnabled ?? false) ? 'On' : 'Off',
      after: patch.jsonPayloadEnabled ? 'On' : 'Off',
    });
  }
  return changes;
}
