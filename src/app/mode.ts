import { consolePath } from '@/ui/console-path';
import { MODES, type Mode, type Modes } from '@/ui/deployment';

/** What a server without CONSOLE_MODES offers (server/modes.js). */
export const DEFAULT_MODES: Modes = ['demo', 'live'];

const MODE_KEY = 'integrator-console:mode';

/**
 * The tab's mode, fixed for the page's lifetime so live pages never load the demo's code:
 * `?demo` or `?live` on any URL choose it and the tab remembers the choice; a tab that has not
 * chosen opens the first mode the deployment offers. A mode the deployment does not offer
 * (CONSOLE_MODES) is never opened: not by the URL, nor by a choice remembered from before.
 */
export function resolveMode(
  offered: Modes,
  location: Pick<Location, 'search'> = window.location,
  storage: Storage = sessionStorage,
): Mode {
  const params = new URLSearchParams(location.search);
  const asked = MODES.find((mode) => params.has(mode) && offered.includes(mode));
  if (asked) storage.setItem(MODE_KEY, asked);
  const stored = storage.getItem(MODE_KEY);
  return offered.find((mode) => mode === stored) ?? offered[0];
}

/**
 * Switches mode with a full page load, so the other mode's code and caches are left behind.
 * `path` must be inside the console; anything else (a `?next=` naming another host) loads the
 * start page, whoever passed it: this is where the tab would leave the console.
 */
export function switchMode(
  mode: Mode,
  path: string,
  location: Pick<Location, 'origin' | 'assign'> = window.location,
) {
  sessionStorage.setItem(MODE_KEY, mode);
  location.assign(consolePath(path, location.origin) ?? '/');
}

/** The demo's service worker (public/demo-service-worker.js, MSW's worker inside). */
export const DEMO_WORKER_URL = '/demo-service-worker.js';
// What earlier versions registered; a browser may still hold it.
const DEMO_WORKER_URLS = [DEMO_WORKER_URL, '/mockServiceWorker.js'];

/**
 * A tab that ran the demo keeps MSW's service worker registered; live pages must not route
 * anything through it, so it goes before the first request.
 */
export async function unregisterDemoWorker() {
  const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
  await Promise.all(
    registrations
      .filter((registration) =>
        [registration.active, registration.waiting, registration.installing].some((worker) =>
          DEMO_WORKER_URLS.some((url) => worker?.scriptURL.endsWith(url)),
        ),
      )
      .map((registration) => registration.unregister()),
  );
}
