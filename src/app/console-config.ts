import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';

// What the server tells the page about itself. Lenient: fields this console does not know are
// kept, a bad field is dropped, and without the file (`npm run dev`) the config is just empty.
const consoleConfigSchema = z.looseObject({
  /** The host of the API that live mode talks to, through the server. */
  upstream: z.string().min(1).optional().catch(undefined),
});
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;

async function fetchConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console-config.json');
  if (!response.ok) return {};
  const parsed = consoleConfigSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? parsed.data : {};
}

export const consoleConfigQuery = queryOptions({
  queryKey: ['console-config'],
  queryFn: fetchConsoleConfig,
  staleTime: Infinity,
  retry: false,
});
