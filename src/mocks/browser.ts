import { setupWorker } from 'msw/browser';
import { db } from '@/mocks/db';
import { handlers } from '@/mocks/handlers';

export const worker = setupWorker(...handlers);

/** `workerUrl`: where the deployment serves MSW's worker (app/ unregisters it again in live mode). */
export async function startDemo(workerUrl: string) {
  // sessionStorage: a reload keeps the demo's state, a new tab starts from the seed.
  try {
    db.persistTo(window.sessionStorage);
  } catch {
    // The getter throws where storage is blocked; the demo then lives in memory only.
  }
  // MSW's page side shuts down on beforeunload (keep-alive stopped, page reported closed), and the
  // browser stops an idle service worker, forgetting which pages it mocks for. A page the
  // back/forward cache brings back would then send its requests to the real network: load it
  // afresh instead, which starts MSW again.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) window.location.reload();
  });
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: workerUrl },
  });
}
