import { useEffect } from 'react';

let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

// The longest wait for the page's paint to be reported: a page with nothing larger than what
// was painted before it reports none, and some browsers report no largest paints at all.
const MAX_WAIT_MS = 250;

/** Resolves once the first page has been revealed and its paint presented (or after a while). */
export function firstScreenShown(): Promise<void> {
  return shown;
}

/**
 * Rendered beside the page inside its Suspense boundary, so its effect runs only when the page
 * itself is revealed, not its loading state. A frame's paint is presented well after React's
 * commit and animation frames (~50 ms in headless Chromium), so it waits for the browser to
 * report the paint as a largest-contentful-paint entry.
 */
export function FirstScreen() {
  useEffect(() => {
    const done = () => {
      observer?.disconnect();
      clearTimeout(timer);
      markShown();
    };
    const observer =
      typeof PerformanceObserver !== 'undefined' &&
      PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')
        ? new PerformanceObserver(done)
        : undefined;
    observer?.observe({ type: 'largest-contentful-paint' });
    const timer = setTimeout(done, MAX_WAIT_MS);
    return done;
  }, []);
  return null;
}
