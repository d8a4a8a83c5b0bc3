import { safeParse } from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';

/**
 * `text` read as JSON through `schema`, as an API answer is: undefined when it is not JSON or
 * does not match, so a corrupt value is set aside instead of breaking the page that reads it.
 */
export function parseJson<S extends $ZodType>(schema: S, text: string): output<S> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = safeParse(schema, json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The JSON stored under `key`, read through `schema`: undefined when there is none, when it
 * cannot be read (storage blocked, not JSON) or when it does not match.
 */
export function readStoredJson<S extends $ZodType>(
  storage: Storage,
  key: string,
  schema: S,
): output<S> | undefined {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return undefined;
  }
  return text === null ? undefined : parseJson(schema, text);
}
