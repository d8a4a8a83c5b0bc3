import type { WebhookFormValues } from '@/integrations/form';

/** What another page asks the new-webhook form to start with. */
export interface HandOver {
  values: WebhookFormValues;
  /** The form's notice: where the values came from (`Duplicated from “Fleet telemetry”`) … */
  title: string;
  /** … and what the user still has to do. */
  notes: string[];
  /** Shown at the Endpoint URL field, e.g. why it is empty. */
  urlHint?: string;
}

// Module memory only: the values may hold credentials, so they never go into the URL,
// history.state or any storage. The URL carries a random id; a reload or another tab finds
// nothing under it, and the form's draft (which never holds a credential) takes over.
const handOvers = new Map<string, HandOver>();
// A user who opens many forms without saving keeps at most this many sets of values in memory.
const KEEP = 5;

/** Keeps `handOver` in this tab's memory; returns the path of the new-webhook form that reads it. */
export function handOverToNewWebhook(handOver: HandOver): string {
  const id = crypto.randomUUID();
  handOvers.set(id, structuredClone(handOver));
  while (handOvers.size > KEEP) handOvers.delete(handOvers.keys().next().value!);
  return `/integrations/new?from=${encodeURIComponent(id)}`;
}

/**
 * The values handed over under `id`, if this tab still holds them. Reading does not remove them
 * (a page may render twice); `dropHandOver` does once the webhook is created.
 */
export function readHandOver(id: string | null): HandOver | undefined {
  const handOver = id ? handOvers.get(id) : undefined;
  return handOver && structuredClone(handOver);
}

export function dropHandOver(id: string | null) {
  if (id) handOvers.delete(id);
}

/** Forgets every hand-over, as a new tab; for unit tests that share this module between files. */
export function dropAllHandOvers() {
  handOvers.clear();
}
