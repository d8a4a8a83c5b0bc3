export type Mode = 'demo';

const MODE_KEY = 'integrator-console:mode';

/**
 * `?demo` on any URL starts demo mode and the tab remembers it. Live mode (the real API through
 * the server) is not built yet, so demo is also what every other visit gets.
 */
export function resolveMode(
  location: Location = window.location,
  storage: Storage = sessionStorage,
): Mode {
  if (new URLSearchParams(location.search).has('demo')) storage.setItem(MODE_KEY, 'demo');
  return 'demo';
}
