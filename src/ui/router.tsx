import { useCallback, useEffect, useMemo, useState, useTransition, type ReactNode } from 'react';
import { BlockerContext } from '@/ui/router-blocker';
import {
  LocationContext,
  PendingContext,
  RouterContext,
  useLocationState,
  useRouter,
} from '@/ui/router-context';
import type { NavigateOptions, Router } from '@/ui/router-history';

/**
 * The console's router: the few things its pages use (paths with `:params`, links, navigate,
 * search params, a blocker for unsaved forms, scroll restoration), in ~2 kB instead of
 * react-router's data router (~30 kB, the largest piece of the first load after React: issue 12).
 * Navigations are React transitions: while a page's lazy chunk loads, the page before stays
 * on screen and `useNavigation()` says "loading", as with react-router's lazy routes.
 * Where it differs from react-router: docs/router.md. This module is what the app imports; the
 * parts are router-history (entries, navigate), router-blocker, router-match (Routes),
 * router-links (Link, Navigate) and router-scroll.
 */

export {
  createBrowserRouter,
  createMemoryRouter,
  type HistoryAction,
  type Location,
  type NavigateFunction,
  type NavigateOptions,
  type Router,
} from '@/ui/router-history';
export { useBlocker, type Blocker } from '@/ui/router-blocker';
export { useLocation, useNavigate, useNavigation } from '@/ui/router-context';
export { matchPath, Routes, useParams, type Route } from '@/ui/router-match';
export { Link, Navigate, type LinkProps } from '@/ui/router-links';
export { ScrollRestoration } from '@/ui/router-scroll';

export function RouterProvider({ router, children }: { router: Router; children: ReactNode }) {
  const [shown, setShown] = useState(() => router.state);
  const [blocker, setBlocker] = useState(() => router.blocker);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    let last = router.state;
    const update = () => {
      setBlocker(router.blocker);
      if (router.state === last) return;
      last = router.state;
      const next = last;
      // A new page is a transition: the page before stays while the new one's chunk loads.
      startTransition(() => setShown(next));
    };
    const unsubscribe = router.subscribe(update);
    // A navigation before this effect ran (a child's <Navigate> runs its effect first).
    if (router.state !== shown) {
      last = shown;
      update();
    }
    return unsubscribe;
    // `shown` only for the first run: later changes come through the subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [router]);
  return (
    <RouterContext value={router}>
      <LocationContext value={shown}>
        <BlockerContext value={blocker}>
          <PendingContext value={pending}>{children}</PendingContext>
        </BlockerContext>
      </LocationContext>
    </RouterContext>
  );
}

type SearchInit = URLSearchParams | Record<string, string> | string;
export type SetSearchParams = (
  next: SearchInit | ((current: URLSearchParams) => SearchInit),
  options?: NavigateOptions,
) => void;

export function useSearchParams(): [URLSearchParams, SetSearchParams] {
  const router = useRouter();
  const { location } = useLocationState();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const set = useCallback<SetSearchParams>(
    (next, options) => {
      const current = new URLSearchParams(router.state.location.search);
      const search = new URLSearchParams(typeof next === 'function' ? next(current) : next);
      const query = search.toString();
      router.navigate(`${router.state.location.pathname}${query ? `?${query}` : ''}`, options);
    },
    [router],
  );
  return [params, set];
}
