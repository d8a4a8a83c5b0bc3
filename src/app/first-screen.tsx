import { useEffect } from 'react';

let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

/**
 * Resolves once the first page has been revealed and painted: two frames after its commit, since
 * a frame's paint is presented after its animation-frame callbacks have run.
 */
export function firstScreenShown(): Promise<void> {
  return shown;
}

/**
 * Rendered beside the page inside its Suspense boundary, so its effect runs only when the page
 * itself is revealed, not its loading state.
 */
export function FirstScreen() {
  useEffect(() => {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(markShown, 0)));
  }, []);
  return null;
}
