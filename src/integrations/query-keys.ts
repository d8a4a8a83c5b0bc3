/**
 * The key every integration query starts with (the list, each detail, the scans across pages, the
 * failure logs): what any change to an integration makes stale. A module of its own, so app/ can
 * hand it to the query client without loading the feature's queries into the entry chunk.
 */
export const INTEGRATIONS_KEY = ['integrations'] as const;
