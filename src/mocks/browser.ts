import { getResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { setTransport, type Transport } from '@/api/request';
import { db } from '@/mocks/db';
import { handlers } from '@/mocks/handlers';
import { DEFAULT_STORAGE_KEY } from '@/mocks/persistence';

/** Marks in the page's performance timeline (DevTools' Performance panel; the e2e tests wait for
 * the second before they watch the demo's requests on the network). */
export const DEMO_MARKS = {
  inPage: 'demo: API answering in the page',
  worker: 'demo: API answering from the service worker',
} as const;

// The same handlers MSW's service worker hands requests to (they run in the page either way),
// called directly; what they do not handle goes to the network, as with the worker's 'bypass'.
const inPage: Transport = async (request) =>
  (await getResponse(handlers, request)) ?? fetch(request);

/**
 * Starts the simulated API. Its requests are answered in the page at once, so the first screen
 * waits for no service worker; MSW's worker starts meanwhile and, once it listens, requests go
 * through the network, where DevTools shows them as a real API's. If it cannot start (no service
 * workers: a private window, a plain-http origin other than localhost), the demo stays in the page.
 * `workerUrl`: where the deployment serves MSW's worker (app/ unregisters it again in live mode).
 */
export function startDemo(workerUrl: string) {
  // localStorage: the demo is one demo in this browser until it is reset, in every tab. What it
  // keeps is only the simulated API's data (its header values are the demo's samples or what was
  // typed into the demo); live mode never gets here, so nothing of a real account is written.
  try {
    db.persistTo(window.localStorage);
    // Where the demo lived before it was shared between tabs.
    window.sessionStorage.removeItem(DEFAULT_STORAGE_KEY);
  } catch {
    // The getter throws where storage is blocked; the demo then lives in memory only.
  }
  // Another tab changed the demo (or reset it, or the storage was cleared): follow it.
  window.addEventListener('storage', (event) => {
    if (
      event.storageArea === window.localStorage &&
      (event.key ?? DEFAULT_STORAGE_KEY) === DEFAULT_STORAGE_KEY
    ) {
      db.reload();
    }
  });
  setTransport(inPage);
  performance.mark(DEMO_MARKS.inPage);
  // MSW's page side shuts down on beforeunload (keep-alive stopped, page reported closed), and the
  // browser stops an idle service worker, forgetting which pages it mocks for. A page the
  // back/forward cache brings back would then send its requests to the real network: it answers
  // them in the page from the moment it is hidden, and loads afresh when shown, which starts MSW
  // again.
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) return;
    setTransport(inPage);
    performance.clearMarks(DEMO_MARKS.worker);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) window.location.reload();
  });
  void startWorker(workerUrl).then(
    () => {
      setTransport(null);
      performance.mark(DEMO_MARKS.worker);
    },
    (error: unknown) => {
      console.warn(
        "The demo's service worker could not start, so its API answers inside the page (DevTools' " +
          'Network panel does not list its requests).',
        error,
      );
    },
  );
}

// In the same chunk as the handlers, not loaded after them: split, the two chunks' gzip costs
// ~3 kB more (budgets.json demo), and the worker starts no sooner.
async function startWorker(workerUrl: string) {
  await setupWorker(...handlers).start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: workerUrl },
  });
}
