import {
  createContext,
  use,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
  type AnchorHTMLAttributes,
  type ReactNode,
  type Ref,
} from 'react';
import * as z from 'zod/mini';
import { readStoredJson } from '@/api/stored-json';

/**
 * The console's router: the few things its pages use (paths with `:params`, links, navigate,
 * search params, a blocker for unsaved forms, scroll restoration), in ~2 kB instead of
 * react-router's data router (~30 kB, the largest piece of the first load after React: issue 12).
 * Navigations are React transitions: while a page's lazy chunk loads, the page before stays
 * on screen and `useNavigation()` says "loading", as with react-router's lazy routes.
 */

export interface Location {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  /** Unique per history entry: scroll positions are kept by it. */
  key: string;
}
export type HistoryAction = 'POP' | 'PUSH' | 'REPLACE';
export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}
export type NavigateFunction = (to: string | number, options?: NavigateOptions) => void;
export type Blocker =
  | { state: 'unblocked'; proceed?: undefined; reset?: undefined }
  | { state: 'blocked'; proceed: () => void; reset: () => void };
type BlockerFunction = (args: { currentLocation: Location; nextLocation: Location }) => boolean;

/** Where the entries live: the browser's history, or an array (tests). */
interface Entries {
  current(): { location: Location; index: number };
  write(location: Location, index: number, replace: boolean): void;
  /** Moves by `delta` entries; the listener is called when the move has happened. */
  go(delta: number): void;
  /** The one listener, for the router's life (the tab's, or a test's). */
  listen(onPop: () => void): void;
}

export interface Router {
  readonly state: { location: Location; historyAction: HistoryAction };
  navigate: NavigateFunction;
  subscribe(listener: () => void): () => void;
  /** Asks `shouldBlock` before every navigation until the returned function is called. */
  block(shouldBlock: BlockerFunction): () => void;
  readonly blocker: Blocker;
}

const UNBLOCKED: Blocker = { state: 'unblocked' };
const newKey = () => Math.random().toString(36).slice(2, 10);

/** `to` (an absolute path with optional search and hash) as a location. */
function toLocation(to: string, state: unknown = null, key = newKey()): Location {
  const url = new URL(to, 'http://console.invalid');
  return { pathname: url.pathname, search: url.search, hash: url.hash, state, key };
}

const pathOf = ({ pathname, search, hash }: Location) => `${pathname}${search}${hash}`;

function createRouter(entries: Entries): Router {
  let { location, index } = entries.current();
  let state: Router['state'] = { location, historyAction: 'POP' };
  let blocker: Blocker = UNBLOCKED;
  const blockers = new Set<BlockerFunction>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  // Set while the history moves back to where a blocked back/forward started.
  let undoing = false;

  const blocks = (nextLocation: Location) =>
    [...blockers].some((shouldBlock) => shouldBlock({ currentLocation: location, nextLocation }));

  function commit(next: Location, nextIndex: number, historyAction: HistoryAction) {
    location = next;
    index = nextIndex;
    state = { location, historyAction };
    blocker = UNBLOCKED;
    notify();
  }

  function setBlocker(proceed: () => void) {
    blocker = {
      state: 'blocked',
      proceed: () => {
        blocker = UNBLOCKED;
        proceed();
      },
      reset: () => {
        blocker = UNBLOCKED;
        notify();
      },
    };
    notify();
  }

  // Set while the history moves on after the user let a held back/forward go.
  let proceeding = false;
  entries.listen(() => {
    const { location: next, index: nextIndex } = entries.current();
    if (undoing) {
      undoing = false;
      return;
    }
    const delta = nextIndex - index;
    if (!proceeding && blocker.state === 'unblocked' && blocks(next)) {
      // Back to where the user was, until they answer.
      undoing = true;
      entries.go(-delta);
      setBlocker(() => {
        proceeding = true;
        entries.go(delta);
      });
      return;
    }
    proceeding = false;
    commit(next, nextIndex, 'POP');
  });

  const navigate: NavigateFunction = (to, options = {}) => {
    if (typeof to === 'number') {
      entries.go(to);
      return;
    }
    const replace = options.replace ?? false;
    const next = toLocation(to, options.state ?? null);
    const go = () => {
      const nextIndex = replace ? index : index + 1;
      entries.write(next, nextIndex, replace);
      commit(next, nextIndex, replace ? 'REPLACE' : 'PUSH');
    };
    if (blocks(next)) setBlocker(go);
    else go();
  };

  return {
    get state() {
      return state;
    },
    get blocker() {
      return blocker;
    },
    navigate,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    block(shouldBlock) {
      blockers.add(shouldBlock);
      return () => {
        blockers.delete(shouldBlock);
        if (blockers.size === 0 && blocker.state === 'blocked') {
          blocker = UNBLOCKED;
          notify();
        }
      };
    },
  };
}

interface StoredEntry {
  key: string;
  index: number;
  usr: unknown;
}

/** The tab's history; each entry's state holds its key and index, so back/forward know how far. */
export function createBrowserRouter(): Router {
  const read = (): { location: Location; index: number } => {
    const stored = (window.history.state ?? null) as Partial<StoredEntry> | null;
    const { pathname, search, hash } = window.location;
    return {
      location: {
        pathname,
        search,
        hash,
        state: stored?.usr ?? null,
        key: stored?.key ?? 'default',
      },
      index: stored?.index ?? 0,
    };
  };
  // The first entry gets its key and index, so coming back to it is a known move.
  if (typeof (window.history.state as Partial<StoredEntry> | null)?.index !== 'number') {
    const entry: StoredEntry = { key: newKey(), index: 0, usr: window.history.state ?? null };
    window.history.replaceState(entry, '');
  }
  return createRouter({
    current: read,
    write(location, index, replace) {
      const entry: StoredEntry = { key: location.key, index, usr: location.state };
      window.history[replace ? 'replaceState' : 'pushState'](entry, '', pathOf(location));
    },
    go: (delta) => window.history.go(delta),
    listen: (onPop) => window.addEventListener('popstate', onPop),
  });
}

/** History in memory, for tests: starts at the last of `initialEntries`. */
export function createMemoryRouter(initialEntries: string[]): Router {
  const stack = initialEntries.map((path) => toLocation(path));
  let at = stack.length - 1;
  let onPop = () => {};
  return createRouter({
    current: () => ({ location: stack[at]!, index: at }),
    write(location, index, replace) {
      if (replace) stack[index] = location;
      else stack.splice(index, stack.length - index, location);
      at = index;
    },
    go(delta) {
      const next = Math.min(Math.max(at + delta, 0), stack.length - 1);
      if (next === at) return;
      at = next;
      // At once (a browser's history pops later): tests then see the move inside their act().
      onPop();
    },
    listen(listener) {
      onPop = listener;
    },
  });
}

// ---- React ----------------------------------------------------------------------------------

// Split by how often each changes, so a component re-renders only for what it reads: a page
// holding a query must not re-render (and refetch what a mutation just removed) because a
// navigation away from it started.
const RouterContext = createContext<Router | null>(null);
const LocationContext = createContext<{ location: Location; historyAction: HistoryAction } | null>(
  null,
);
const BlockerContext = createContext<Blocker>(UNBLOCKED);
const PendingContext = createContext(false);
const ParamsContext = createContext<Record<string, string>>({});

function useRouter(): Router {
  const router = use(RouterContext);
  if (!router) throw new Error('A router hook is used outside <RouterProvider>');
  return router;
}

function useLocationState() {
  const value = use(LocationContext);
  if (!value) throw new Error('A router hook is used outside <RouterProvider>');
  return value;
}

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

export function useParams<T extends Record<string, string>>(): Partial<T> {
  return use(ParamsContext) as Partial<T>;
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

/**
 * Asks `shouldBlock` before each navigation; when it says yes the navigation waits, and the
 * blocker returned says so until `proceed` or `reset`. Back and forward are held too.
 */
export function useBlocker(shouldBlock: BlockerFunction): Blocker {
  const router = useRouter();
  const blocker = use(BlockerContext);
  const latestRef = useRef(shouldBlock);
  useLayoutEffect(() => {
    latestRef.current = shouldBlock;
  });
  useEffect(() => router.block((args) => latestRef.current(args)), [router]);
  return blocker;
}

export function Navigate({ to, replace = false }: { to: string; replace?: boolean }) {
  const navigate = useNavigate();
  useEffect(() => navigate(to, { replace }), [navigate, to, replace]);
  return null;
}

export type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  to: string;
  replace?: boolean;
  state?: unknown;
  ref?: Ref<HTMLAnchorElement>;
};

/** An `<a href>`: a plain click navigates in the app; a new tab, a download or a modifier key is the browser's. */
export function Link({ to, replace, state, onClick, ...anchor }: LinkProps) {
  const navigate = useNavigate();
  return (
    <a
      {...anchor}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        if (
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.altKey ||
          event.ctrlKey ||
          event.shiftKey ||
          (anchor.target && anchor.target !== '_self') ||
          anchor.download !== undefined
        ) {
          return;
        }
        event.preventDefault();
        navigate(to, { replace, state });
      }}
    />
  );
}

// ---- Routes -----------------------------------------------------------------------------------

/** The params of `pattern` (`/integrations/:id/edit`, `*` for any path) in `pathname`, or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  if (pattern === '*') return {};
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = have[i]!;
    if (part.startsWith(':')) {
      const value = decoded(segment);
      if (value === undefined) return null;
      params[part.slice(1)] = value;
    } else if (part !== segment) return null;
  }
  return params;
}

/** `text` URI-decoded, or undefined when it is not valid percent-encoding (`%E0%A4%A`). */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export interface Route {
  path: string;
  element: ReactNode;
}

/** The element of the first route whose path matches the location, with its params. */
export function Routes({ routes }: { routes: readonly Route[] }) {
  const { pathname } = useLocation();
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return <ParamsContext value={params}>{route.element}</ParamsContext>;
  }
  return null;
}

// ---- Scroll -----------------------------------------------------------------------------------

const SCROLL_KEY = 'console-scroll-positions';
const scrollPositionsSchema = z.record(z.string(), z.number());

/**
 * Back and forward (and a reload) return to where the page was scrolled; any other navigation
 * starts at the top, or at the element its #hash names.
 */
export function ScrollRestoration() {
  const { location, historyAction } = useLocationState();
  // By history entry key; kept in sessionStorage when the page is left, so a reload finds them.
  const positionsRef = useRef<Record<string, number> | null>(null);
  positionsRef.current ??=
    readStoredJson(window.sessionStorage, SCROLL_KEY, scrollPositionsSchema) ?? {};
  useLayoutEffect(() => {
    window.history.scrollRestoration = 'manual';
    const positions = positionsRef.current!;
    const save = () => {
      positions[location.key] = window.scrollY;
      try {
        window.sessionStorage.setItem(SCROLL_KEY, JSON.stringify(positions));
      } catch {
        // Storage full or refused: positions are kept for this page's life only.
      }
    };
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      positions[location.key] = window.scrollY;
    };
  }, [location.key]);
  useLayoutEffect(() => {
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
