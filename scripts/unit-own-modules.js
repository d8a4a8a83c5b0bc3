// Test files that need modules and a jsdom of their own (vite.config.ts runs them in the
// 'app-isolated' project; the rest of the app's files share one per worker). A file that replaces
// a module (vi.mock): only its own module cache lets the mock reach the modules that import it,
// and keeps it from reaching the next file's; eslint.config.js allows vi.mock only here.
// browser.test.ts starts the demo, which ties the shared demo db to localStorage and listens on
// the window for good (later files found the db in localStorage).
export const OWN_MODULES = ['src/app/sign-in-next.test.tsx', 'src/mocks/browser.test.ts'];
