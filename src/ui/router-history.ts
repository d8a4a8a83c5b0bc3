import { createBlockers, type Blocker, type BlockerFunction } from '@/ui/router-blocker';

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

export interface Router {
  readonly state: { location: Location; historyAction: HistoryAction };
  navigate: NavigateFunction;
  /** Called after every change of `state` or `blocker`; the first subscriber starts listening. */
  subscribe(listener: () => void): () => void;
  /** Asks `shouldBlock` before every navigation until the returned function is called. */
  block(shouldBlock: BlockerFunction): () => void;
  readonly blocker: Blocker;
}

/** Where the entries live: the browser's history, or an array (tests). */
interface Entries {
  /** The entry the history is at; `index` is missing for an entry the router did not write. */
  current(): { location: Location; index?: number };
  write(location: Location, index: number, replace: boolean): void;
  /** Gives the current entry a key and `index`, keeping its address and state. */
  stamp(index: number): Location;
  /** Moves by `delta` entries; the listener is called when the move has happened. */
  go(delta: number): void;
  listen(onPop: () => void): () => void;
}

const newKey = () => Math.random().toString(36).slice(2, 10);

/** `to` (an absolute path with optional search and hash) as a location. */
function toLocation(to: string, state: unknown = null, key = newKey()): Location {
  const url = new URL(to, 'http://console.invalid');
  return { pathname: url.pathname, search: url.search, hash: url.hash, state, key };
}

const pathOf = ({ pathname, search, hash }: Location) => `${pathname}${search}${hash}`;

function createRouter(entries: Entries): Router {
  const start = entries.current();
  let location = start.location;
  let index = start.index ?? 0;
  let state: Router['state'] = { location, historyAction: 'POP' };
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const blockers = createBlockers(notify);
  let stopListening = () => {};
  // Set while the history moves back to where a blocked back/forward started.
  let undoing = false;
  // Set while the history moves on after the user let a held back/forward go.
  let proceeding = false;

  function commit(next: Location, nextIndex: number, historyAction: HistoryAction) {
    location = next;
    index = nextIndex;
    state = { location, historyAction };
    blockers.release();
    notify();
  }

  function onPop() {
    if (undoing) {
      undoing = false;
      return;
    }
    const { location: next, index: nextIndex } = entries.current();
    if (nextIndex === undefined) {
      // The browser's own entry: a #fragment link (the skip link) or a #fragment typed into the
      // address, one after the entry left. How far the move was is a guess, so it is not held.
      proceeding = false;
      commit(entries.stamp(index + 1), index + 1, 'POP');
      return;
    }
    const delta = nextIndex - index;
    if (!proceeding && delta !== 0 && blockers.blocks(location, next)) {
      // Back to where the user was, until they answer.
      undoing = true;
      entries.go(-delta);
      blockers.hold(() => {
        proceeding = true;
        entries.go(delta);
      });
      return;
    }
    proceeding = false;
    commit(next, nextIndex, 'POP');
  }

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
    if (blockers.blocks(location, next)) blockers.hold(go);
    else go();
  };

  return {
    get state() {
      return state;
    },
    get blocker() {
      return blockers.held;
    },
    navigate,
    subscribe(listener) {
      listeners.add(listener);
      // Listening starts with the first subscriber and ends with the last, so a router that is
      // made but never rendered (StrictMode runs useState's initializer twice) leaves nothing.
      if (listeners.size === 1) {
        stopListening = entries.listen(onPop);
        // A back/forward while no one listened.
        if (entries.current().location.key !== location.key) onPop();
      }
      return () => {
        if (listeners.delete(listener) && listeners.size === 0) stopListening();
      };
    },
    block: blockers.add,
  };
}

interface StoredEntry {
  key: string;
  index: number;
  usr: unknown;
}

const storedEntry = (): Partial<StoredEntry> | null =>
  (window.history.state ?? null) as Partial<StoredEntry> | null;

/** The tab's history; each entry's state holds its key and index, so back/forward know how far. */
export function createBrowserRouter(): Router {
  const read = (): { location: Location; index?: number } => {
    const stored = storedEntry();
    const { pathname, search, hash } = window.location;
    const known = typeof stored?.index === 'number' && typeof stored.key === 'string';
    return {
      location: {
        pathname,
        search,
        hash,
        state: known ? (stored.usr ?? null) : stored,
        key: known ? stored.key! : '',
      },
      index: known ? stored.index : undefined,
    };
  };
  const entries: Entries = {
    current: read,
    write(location, index, replace) {
      const entry: StoredEntry = { key: location.key, index, usr: location.state };
      window.history[replace ? 'replaceState' : 'pushState'](entry, '', pathOf(location));
    },
    stamp(index) {
      const { location } = read();
      const entry: StoredEntry = { key: newKey(), index, usr: location.state };
      window.history.replaceState(entry, '');
      return { ...location, key: entry.key };
    },
    go: (delta) => window.history.go(delta),
    listen(onPop) {
      window.addEventListener('popstate', onPop);
      return () => window.removeEventListener('popstate', onPop);
    },
  };
  // The first entry gets its key and index, so coming back to it is a known move.
  if (read().index === undefined) entries.stamp(0);
  return createRouter(entries);
}

/**
 * Changes the current entry's address outside the router (main.tsx's redirect, before the router
 * starts), keeping the key and index the router gave it. Without them the entry would count from
 * 0 again while the entries around it (written before a reload) do not, and a held back/forward
 * would be undone by the wrong distance.
 */
export function replaceUrl(path: string): void {
  window.history.replaceState(window.history.state, '', path);
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
    stamp: () => stack[at]!,
    go(delta) {
      const next = Math.min(Math.max(at + delta, 0), stack.length - 1);
      if (next === at) return;
      at = next;
      // At once (a browser's history pops later): tests then see the move inside their act().
      onPop();
    },
    listen(listener) {
      onPop = listener;
      return () => {
        onPop = () => {};
      };
    },
  });
}
