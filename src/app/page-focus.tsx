import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from '@/ui/router';

/**
 * After a navigation the focus moves to the new page's h1: otherwise it stays on a link that
 * no longer exists and a keyboard or screen reader user starts again at the top of the document.
 * The first page of a visit keeps the browser's own start, and only a new path counts: turning a
 * page of the list keeps the focus on the pagination.
 */
export function PageFocus({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    return focusHeadingWhenShown();
  }, [pathname]);
  return children;
}

/** Focuses the main content's h1, if there is one yet. */
export function focusMainHeading({ preventScroll = true } = {}): boolean {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (!heading) return false;
  heading.tabIndex = -1;
  heading.focus({ preventScroll });
  return true;
}

/**
 * A page that loads its data shows a skeleton first, so its heading may come later; the wait ends
 * as soon as the user focuses or clicks something else, so the focus is never taken back.
 */
function focusHeadingWhenShown(): () => void {
  if (focusMainHeading()) return () => {};
  const observer = new MutationObserver(() => {
    if (focusMainHeading()) stop();
  });
  const timer = window.setTimeout(() => stop(), 10_000);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
    document.removeEventListener('focusin', stop);
    document.removeEventListener('pointerdown', stop);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', stop);
  document.addEventListener('pointerdown', stop);
  return stop;
}
