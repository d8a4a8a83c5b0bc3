import { createContext, use } from 'react';
import type { HistoryAction, Location, NavigateFunction, Router } from '@/ui/router-history';

// Split by how often each changes, so a component re-renders only for what it reads: a page
// holding a query must not re-render (and refetch what a mutation just removed) because a
// navigation away from it started. The blocker's and the params' are in their own modules.
export const RouterContext = createContext<Router | null>(null);
export const LocationContext = createContext<{
  location: Location;
  historyAction: HistoryAction;
} | null>(null);
export const PendingContext = createContext(false);

export function useRouter(): Router {
  const router = use(RouterContext);
  if (!router) throw new Error('A router hook is used outside <RouterProvider>');
  return router;
}

/** The location on screen (it follows the router's once the next page is ready) and how it came. */
export function useLocationState() {
  const value = use(LocationContext);
  if (!value) throw new Error('A router hook is used outside <RouterProvider>');
  return value;
}

export function useLocation(): Location {
  return useLocationState().location;
}

export function useNavigate(): NavigateFunction {
  return useRouter().navigate;
}

/** "loading" while a navigation waits for its page (its code) to be ready. */
export function useNavigation(): { state: 'idle' | 'loading' } {
  return { state: use(PendingContext) ? 'loading' : 'idle' };
}
