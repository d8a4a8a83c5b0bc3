import type { WebhookFormValues } from '@/integrations/form';
import { isSecretName } from '@/placeholders/secrets';

const PREFIX = 'integrator-console:draft:';

export interface Draft {
  values: WebhookFormValues;
  /** Names of headers whose values were left out because they look like credentials. */
  withheld: string[];
}

// Drafts live in this tab's sessionStorage only, and never with a credential in them: a secret
// header is kept by name so the user sees which value to enter again.
export function saveDraft(
  key: string,
  values: WebhookFormValues,
  storage: Storage = sessionStorage,
) {
  const withheld: string[] = [];
  const headers = values.headers.map((row) => {
    if (!isSecretName(row.key) || !row.value) return row;
    withheld.push(row.key);
    return { ...row, value: '' };
  });
  try {
    storage.setItem(PREFIX + key, JSON.stringify({ values: { ...values, headers }, withheld }));
  } catch {
    // Storage full or blocked: the form still works, it just cannot survive a reload.
  }
}

export function loadDraft(key: string, storage: Storage = sessionStorage): Draft | null {
  try {
    const raw = storage.getItem(PREFIX + key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    const { values } = draft;
    const valid =
      typeof values?.name === 'string' &&
      typeof values.url === 'string' &&
      Array.isArray(values.headers) &&
      values.headers.every(
        (row) => typeof row?.key === 'string' && typeof row.value === 'string',
      ) &&
      Array.isArray(values.eventTypes) &&
      typeof values.jsonPayloadEnabled === 'boolean' &&
      Array.isArray(draft.withheld);
    return valid ? draft : null;
  } catch {
    return null;
  }
}

export function clearDraft(key: string, storage: Storage = sessionStorage) {
  try {
    storage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clear where storage is blocked.
  }
}
