import { setupWorker } from 'msw/browser';
import { db } from '@/mocks/db';
import { handlers } from '@/mocks/handlers';

export const worker = setupWorker(...handlers);

export async function startDemo() {
  // sessionStorage: a reload keeps the demo's state, a new tab starts from the seed.
  try {
    db.persistTo(window.sessionStorage);
  } catch {
    // The getter throws where storage is blocked; the demo then lives in memory only.
  }
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
}
