import { useLayoutEffect, useRef } from 'react';
import * as z from 'zod/mini';
import { readStoredJson } from '@/api/stored-json';
import { useLocationState, useRouter } from '@/ui/router-context';
import { decoded } from '@/ui/router-match';

const SCROLL_KEY = 'console-scroll-positions';
const scrollPositionsSchema = z.record(z.string(), z.number());

/**
 * Back and forward (and a reload) return to where the page was scrolled; any other navigation
 * starts at the top, or at the element its #hash names.
 */
export function ScrollRestoration() {
  const router = useRouter();
  const { location, historyAction } = useLocationState();
  // By history entry key; kept in sessionStorage when the page or this component goes, so a
  // reload (or the layout shown again after the sign-in page) finds them.
  const positionsRef = useRef<Record<string, number> | null>(null);
  positionsRef.current ??=
    readStoredJson(window.sessionStorage, SCROLL_KEY, scrollPositionsSchema) ?? {};
  // The entry whose page is on screen: the router's location changes first, the page after.
  const shownKeyRef = useRef(location.key);
  useLayoutEffect(() => {
    window.history.scrollRestoration = 'manual';
    const positions = positionsRef.current!;
    const save = () => {
      positions[shownKeyRef.current] = window.scrollY;
    };
    // Read when the router's location changes: the page left is still on screen then. Once the
    // next page is in place, a shorter one has already cut the position down to its own height.
    let routerKey = router.state.location.key;
    const unsubscribe = router.subscribe(() => {
      if (router.state.location.key === routerKey) return;
      routerKey = router.state.location.key;
      save();
    });
    const persist = () => {
      try {
        window.sessionStorage.setItem(SCROLL_KEY, JSON.stringify(positions));
      } catch {
        // Storage full or refused: positions are kept for this page's life only.
      }
    };
    const leave = () => {
      save();
      persist();
    };
    window.addEventListener('pagehide', leave);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', leave);
      // Not saved: by now the next page is in place.
      persist();
    };
  }, [router]);
  useLayoutEffect(() => {
    shownKeyRef.current = location.key;
    if (historyAction === 'POP') {
      const saved = positionsRef.current![location.key];
      if (saved !== undefined) window.scrollTo(0, saved);
      return;
    }
    const id = location.hash && decoded(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
  }, [location.key, location.hash, historyAction]);
  return null;
}
