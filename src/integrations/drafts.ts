import { z } from 'zod';
import { readStoredJson } from '@/api/stored-json';
import type { WebhookFormValues } from '@/integrations/form';
import type { HeaderRow } from '@/integrations/header-rules';
import { isSecretName } from '@/placeholders/secrets';

const PREFIX = 'integrator-console:draft:';

const draftHeaderRowSchema = z.object({
  key: z.string(),
  value: z.string(),
  unreadable: z.boolean().optional(),
  /**
   * A credential value left out of the draft: `stored` when it was the saved value (so the
   * saved value is what it stands for), `typed` when the user had typed a new one.
   */
  withheld: z.enum(['stored', 'typed']).optional(),
});

const draftSchema = z.object({
  version: z.literal(2),
  /** Only the fields the user changed: everything else comes from the API's current answer. */
  fields: z
    .object({
      name: z.string(),
      url: z.string(),
      headers: z.array(draftHeaderRowSchema),
      eventTypes: z.array(z.string()),
      jsonPayloadEnabled: z.boolean(),
    })
    .partial(),
});
export type Draft = z.infer<typeof draftSchema>;

export interface RestoredDraft {
  values: WebhookFormValues;
  /** Credentials the user had typed, which drafts never keep: they must be entered again. */
  retype: string[];
  /** Credentials that keep their saved value, read from the API's current answer. */
  kept: string[];
}

const FIELDS = ['name', 'url', 'headers', 'eventTypes', 'jsonPayloadEnabled'] as const;

function findRow(rows: HeaderRow[], name: string): HeaderRow | undefined {
  return rows.find((row) => row.key.trim() === name.trim());
}

/** The draft of `values`: the fields that differ from `baseline`, with no credential in it. */
export function toDraft(values: WebhookFormValues, baseline: WebhookFormValues): Draft | null {
  const fields: Draft['fields'] = {};
  for (const field of FIELDS) {
    if (JSON.stringify(values[field]) === JSON.stringify(baseline[field])) continue;
    if (field === 'headers') {
      fields.headers = values.headers.map((row) => {
        if (!isSecretName(row.key) || !row.value) return row;
        const saved = findRow(baseline.headers, row.key);
        const withheld =
          saved && !saved.unreadable && saved.value === row.value ? 'stored' : 'typed';
        return { key: row.key, value: '', withheld };
      });
    } else {
      Object.assign(fields, { [field]: values[field] });
    }
  }
  return Object.keys(fields).length > 0 ? { version: 2, fields } : null;
}

/**
 * The form's starting values: the API's current answer with the draft's fields laid over it.
 * A withheld credential that was the saved value takes the saved value from `baseline`, never an
 * empty string; when that value is gone or unreadable the row is marked so saving names it.
 */
export function restoreDraft(baseline: WebhookFormValues, draft: Draft): RestoredDraft {
  const { headers, ...rest } = draft.fields;
  const retype: string[] = [];
  const kept: string[] = [];
  const values: WebhookFormValues = { ...baseline, ...rest };
  if (headers) {
    values.headers = headers.map(({ withheld, ...row }): HeaderRow => {
      if (withheld === 'typed') {
        retype.push(row.key);
        return { key: row.key, value: '' };
      }
      if (withheld === 'stored') {
        const saved = findRow(baseline.headers, row.key);
        if (saved && !saved.unreadable) {
          kept.push(row.key);
          return { key: row.key, value: saved.value };
        }
        return { key: row.key, value: '', unreadable: true };
      }
      return row;
    });
  }
  return { values, retype, kept };
}

// Drafts live in this tab's sessionStorage only, and never with a credential in them.
export function saveDraft(
  key: string,
  values: WebhookFormValues,
  baseline: WebhookFormValues,
  storage: Storage = sessionStorage,
) {
  const draft = toDraft(values, baseline);
  if (!draft) return clearDraft(key, storage);
  try {
    storage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form still works, it just cannot survive a reload.
  }
}

export function loadDraft(key: string, storage: Storage = sessionStorage): Draft | null {
  return readStoredJson(storage, PREFIX + key, draftSchema) ?? null;
}

export function clearDraft(key: string, storage: Storage = sessionStorage) {
  try {
    storage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clear where storage is blocked.
  }
}
