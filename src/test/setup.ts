import '@/api/zod-jitless';
import '@testing-library/jest-dom/vitest';
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { setApiReady, setAuth, setTransport } from '@/api/request';
import { resetSession } from '@/api/session';
import { dropAllHandOvers } from '@/integrations/hand-over';
import { db } from '@/mocks/db';
import { server } from '@/mocks/node';
import { forgetLoadedDevicePicker } from '@/sims/device-picker-slot';
import { resetToastsWanted } from '@/ui/notify';

// Pages are lazy routes: the first import of a page's module graph in a file takes a while on
// a 2-core machine, so queries wait longer than the 1 s default before failing.
configure({ asyncUtilTimeout: 5000 });

// The app project runs its files in one module cache and one jsdom (vite.config.ts: isolate
// false, to save each file's environment and imports). This file runs again before each test file:
// every file starts from the state a fresh import and a new tab would give it.
beforeAll(() => {
  setAuth(null);
  setApiReady(Promise.resolve());
  setTransport(null);
  sessionStorage.clear();
  localStorage.clear();
  resetSession();
  resetToastsWanted();
  dropAllHandOvers();
  forgetLoadedDevicePicker();
  db.reset();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  cleanup();
  // Mantine keeps toasts in a module store: one shown by a test must not meet the next test.
  notifications.clean();
  server.resetHandlers();
  server.events.removeAllListeners();
  db.reset();
  sessionStorage.clear();
});
afterAll(() => {
  server.close();
  // What a file changed on globals it shares with the next one.
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

// Mantine reads these browser APIs that jsdom lacks.
// Once per jsdom, which the files of a worker share (the jsdom's own is kept on its first run).
const jsdom = window as typeof window & { jsdomGetComputedStyle?: typeof getComputedStyle };
jsdom.jsdomGetComputedStyle ??= window.getComputedStyle;
const { jsdomGetComputedStyle } = jsdom;
window.getComputedStyle = (element: Element) => jsdomGetComputedStyle(element);
window.HTMLElement.prototype.scrollIntoView = () => {};
window.scrollTo = () => {};
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
