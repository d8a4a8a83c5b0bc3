import * as z from 'zod/mini';
import { parseJson } from '@/api/stored-json';
import { DEFAULT_MODES } from '@/app/mode';
import { MODES, type Mode, type Modes } from '@/ui/deployment';

// What the server tells the page about itself. Lenient: fields this console does not know are
// kept, a bad field is dropped, and without a config (Vitest) the config is just empty.
const consoleConfigSchema = z.looseObject({
  /** The host of the API that live mode talks to, through the server. */
  upstream: z.catch(z.optional(z.string().check(z.minLength(1))), undefined),
  /** The modes the deployment offers (CONSOLE_MODES), the first being what a new tab opens. */
  modes: z.catch(
    z.optional(
      z.pipe(
        z.array(z.unknown()),
        z.transform((list) => [...new Set(list)].filter(isMode)),
      ),
    ),
    undefined,
  ),
});
type ConsoleConfig = z.infer<typeof consoleConfigSchema>;

const isMode = (item: unknown): item is Mode => MODES.includes(item as Mode);

/**
 * The config the server wrote into index.html (server/app-shell.js; `npm run dev` writes it too):
 * read before the first render, so the tab's mode is decided without a request.
 */
export function readEmbeddedConfig(doc: Document = document): ConsoleConfig | undefined {
  const text = doc.getElementById('console-config')?.textContent;
  if (!text) return undefined;
  return parseJson(consoleConfigSchema, text) ?? {};
}

/** The modes offered; a config that names none known (or none at all) means the default. */
export function offeredModes(config: ConsoleConfig | undefined): Modes {
  const [first, ...rest] = config?.modes ?? [];
  return first ? [first, ...rest] : DEFAULT_MODES;
}
