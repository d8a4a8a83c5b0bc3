import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, Suspense, lazy, useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Link,
  Navigate,
  RouterProvider,
  Routes,
  ScrollRestoration,
  createBrowserRouter,
  createMemoryRouter,
  matchPath,
  useBlocker,
  useLocation,
  useNavigation,
  useParams,
  useSearchParams,
  type Router,
} from '@/ui/router';
import { replaceUrl } from '@/ui/router-history';

function Where() {
  const { pathname, search } = useLocation();
  return <p>At {`${pathname}${search}`}</p>;
}

function Item() {
  const { id } = useParams<{ id: string }>();
  return <p>Item {id}</p>;
}

/** A form page that holds navigation while `dirty`, answering with the blocker's buttons. */
function Guarded({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  return blocker.state === 'blocked' ? (
    <div role="dialog" aria-label="Leave?">
      <button onClick={blocker.reset}>Stay</button>
      <button onClick={blocker.proceed}>Leave</button>
    </div>
  ) : null;
}

function renderWith(router: Router, { dirty = false } = {}) {
  return render(
    <RouterProvider router={router}>
      <Where />
      <Link to="/items/a%20b">Open a b</Link>
      <Link to="/items?page=2">Page 2</Link>
      <Guarded dirty={dirty} />
      <Routes
        routes={[
          { path: '/items/:id', element: <Item /> },
          { path: '/items', element: <p>All items</p> },
          { path: '*', element: <p>Not found</p> },
        ]}
      />
    </RouterProvider>,
  );
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('matchPath', () => {
  it.each([
    ['/integrations/:id', '/integrations/abc', { id: 'abc' }],
    ['/integrations/:id', '/integrations/a%2Fb', { id: 'a/b' }],
    ['/integrations/:id/edit', '/integrations/abc/edit', { id: 'abc' }],
    ['/integrations', '/integrations/', {}],
    ['/', '/', {}],
    ['*', '/anything/at/all', {}],
    ['/integrations/:id', '/integrations', null],
    ['/integrations/:id', '/integrations/abc/edit', null],
    ['/integrations/new', '/integrations/old', null],
    ['/integrations/:id', '/integrations/%E0%A4%A', null],
  ])('%s against %s', (pattern, pathname, params) => {
    expect(matchPath(pattern, pathname)).toEqual(params);
  });
});

describe('router', () => {
  it('renders the route of the location, with its params decoded', async () => {
    renderWith(createMemoryRouter(['/items/x%2Fy']));
    expect(screen.getByText('Item x/y')).toBeInTheDocument();
  });

  it('a plain click on a link navigates in the app; a modified click is left to the browser', async () => {
    const router = createMemoryRouter(['/']);
    const user = userEvent.setup();
    renderWith(router);
    expect(screen.getByText('Not found')).toBeInTheDocument();

    const link = screen.getByRole('link', { name: 'Open a b' });
    expect(link).toHaveAttribute('href', '/items/a%20b');
    // A click with Ctrl opens a new tab in a browser: the app does not navigate.
    await user.keyboard('{Control>}');
    await user.click(link);
    await user.keyboard('{/Control}');
    expect(router.state.location.pathname).toBe('/');

    await user.click(link);
    expect(await screen.findByText('Item a b')).toBeInTheDocument();
    expect(router.state).toMatchObject({
      location: { pathname: '/items/a%20b' },
      historyAction: 'PUSH',
    });
    await user.click(screen.getByRole('link', { name: 'Page 2' }));
    expect(await screen.findByText('At /items?page=2')).toBeInTheDocument();
    expect(screen.getByText('All items')).toBeInTheDocument();

    await act(() => router.navigate(-1));
    expect(await screen.findByText('Item a b')).toBeInTheDocument();
    expect(router.state.historyAction).toBe('POP');
  });

  it('sets search params from the current ones, pushing or replacing an entry', async () => {
    function Filters() {
      const [params, setParams] = useSearchParams();
      return (
        <>
          <p>Query {params.get('q') ?? 'none'}</p>
          <button
            onClick={() => setParams((current) => ({ ...Object.fromEntries(current), q: 'x' }))}
          >
            Search x
          </button>
          <button onClick={() => setParams({}, { replace: true })}>Clear</button>
        </>
      );
    }
    const router = createMemoryRouter(['/items?page=2']);
    const user = userEvent.setup();
    render(
      <RouterProvider router={router}>
        <Filters />
      </RouterProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Search x' }));
    expect(await screen.findByText('Query x')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2&q=x');
    expect(router.state.historyAction).toBe('PUSH');

    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(await screen.findByText('Query none')).toBeInTheDocument();
    expect(router.state.location).toMatchObject({ pathname: '/items', search: '' });
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('holds a navigation while the blocker says so: Stay keeps the page, Leave goes on', async () => {
    const router = createMemoryRouter(['/items']);
    const user = userEvent.setup();
    renderWith(router, { dirty: true });

    await user.click(screen.getByRole('link', { name: 'Open a b' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave?' });
    expect(router.state.location.pathname).toBe('/items');
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(dialog).not.toBeInTheDocument();
    expect(screen.getByText('All items')).toBeInTheDocument();

    // Same path, other search: not held (the blocker compares paths).
    await user.click(screen.getByRole('link', { name: 'Page 2' }));
    expect(await screen.findByText('At /items?page=2')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Open a b' }));
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    expect(await screen.findByText('Item a b')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('holds Back in the browser: the address goes back to the page until the user leaves', async () => {
    window.history.replaceState(null, '', '/items');
    const router = createBrowserRouter();
    const user = userEvent.setup();
    const { rerender } = renderWith(router);
    await user.click(screen.getByRole('link', { name: 'Open a b' }));
    expect(await screen.findByText('Item a b')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/items/a%20b');

    rerender(
      <RouterProvider router={router}>
        <Where />
        <Guarded dirty />
        <Routes
          routes={[
            { path: '/items/:id', element: <Item /> },
            { path: '/items', element: <p>All items</p> },
          ]}
        />
      </RouterProvider>,
    );
    act(() => window.history.back());
    expect(await screen.findByRole('dialog', { name: 'Leave?' })).toBeInTheDocument();
    // The browser went back; the router put the entry it left back in place.
    await waitFor(() => expect(window.location.pathname).toBe('/items/a%20b'));
    expect(screen.getByText('Item a b')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByText('All items')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/items');
    expect(router.state.historyAction).toBe('POP');
  });

  it('keeps the state given to navigate in the history entry', async () => {
    window.history.replaceState(null, '', '/items');
    const router = createBrowserRouter();
    renderWith(router);
    act(() => router.navigate('/items/7', { state: { from: 'list' } }));
    expect(await screen.findByText('Item 7')).toBeInTheDocument();
    expect(window.history.state).toMatchObject({ index: 1, usr: { from: 'list' } });
    expect(router.state.location.state).toEqual({ from: 'list' });
  });
});

describe('ScrollRestoration', () => {
  it('starts a new page at the top and returns to where Back left the page before', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const router = createMemoryRouter(['/items']);
    render(
      <RouterProvider router={router}>
        <ScrollRestoration />
        <Where />
      </RouterProvider>,
    );
    Object.defineProperty(window, 'scrollY', { value: 640, configurable: true });
    act(() => router.navigate('/items/1'));
    expect(await screen.findByText('At /items/1')).toBeInTheDocument();
    expect(scrollTo).toHaveBeenLastCalledWith(0, 0);

    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
    await act(() => router.navigate(-1));
    expect(await screen.findByText('At /items')).toBeInTheDocument();
    expect(scrollTo).toHaveBeenLastCalledWith(0, 640);
    scrollTo.mockRestore();
  });

  it('ignores stored positions it cannot read and a #hash that is not valid encoding', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    window.sessionStorage.setItem('console-scroll-positions', '{"a": "top"}');
    const router = createMemoryRouter(['/items']);
    render(
      <RouterProvider router={router}>
        <ScrollRestoration />
        <Where />
      </RouterProvider>,
    );
    act(() => router.navigate('/items/1#%E0%A4%A'));
    expect(await screen.findByText('At /items/1')).toBeInTheDocument();
    expect(scrollTo).toHaveBeenLastCalledWith(0, 0);
    scrollTo.mockRestore();
    window.sessionStorage.removeItem('console-scroll-positions');
  });
});

// ---- new: issue 26 ----

function Status() {
  const { state } = useNavigation();
  return <p>Navigation {state}</p>;
}

describe('issue 26', () => {
  it('under StrictMode keeps one popstate listener, and none once unmounted', () => {
    window.history.replaceState(null, '', '/items');
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const popstate = (spy: typeof added) =>
      spy.mock.calls.filter(([type]) => type === 'popstate').length;
    function Root() {
      const [router] = useState(createBrowserRouter);
      return (
        <RouterProvider router={router}>
          <Where />
        </RouterProvider>
      );
    }
    const { unmount } = render(
      <StrictMode>
        <Root />
      </StrictMode>,
    );
    expect(screen.getByText('At /items')).toBeInTheDocument();
    expect(popstate(added) - popstate(removed)).toBe(1);
    unmount();
    expect(popstate(added)).toBeGreaterThan(0);
    expect(popstate(removed)).toBe(popstate(added));
    added.mockRestore();
    removed.mockRestore();
  });

  it('counts an entry the browser made (a #fragment link): a held jump back returns to where it started', async () => {
    window.history.replaceState(null, '', '/items');
    const router = createBrowserRouter();
    const user = userEvent.setup();
    const tree = (dirty: boolean) => (
      <RouterProvider router={router}>
        <Where />
        <Link to="/items/b">Open b</Link>
        <a href="#top">Skip to top</a>
        <Link to="/items/c">Open c</Link>
        <Guarded dirty={dirty} />
      </RouterProvider>
    );
    const { rerender } = render(tree(false));
    await user.click(screen.getByRole('link', { name: 'Open b' }));
    expect(await screen.findByText('At /items/b')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Skip to top' }));
    await waitFor(() => expect(router.state.location.hash).toBe('#top'));
    await user.click(screen.getByRole('link', { name: 'Open c' }));
    expect(await screen.findByText('At /items/c')).toBeInTheDocument();

    rerender(tree(true));
    act(() => window.history.go(-3));
    expect(await screen.findByRole('dialog', { name: 'Leave?' })).toBeInTheDocument();
    await waitFor(() => expect(window.location.pathname).toBe('/items/c'));
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(screen.getByText('At /items/c')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/items/c');
  });

  it('an address changed before the router starts (the sign-in redirect) keeps its place', async () => {
    window.history.replaceState(null, '', '/items');
    const first = createBrowserRouter();
    const { unmount } = renderWith(first);
    act(() => first.navigate('/items/a'));
    act(() => first.navigate('/items/b'));
    expect(await screen.findByText('Item b')).toBeInTheDocument();
    unmount();

    // A reload at /items/b without a session: main.tsx sends it to sign-in first.
    replaceUrl('/sign-in?next=%2Fitems%2Fb');
    const router = createBrowserRouter();
    const { rerender } = renderWith(router);
    act(() => router.navigate('/items/b'));
    expect(await screen.findByText('Item b')).toBeInTheDocument();
    rerender(
      <RouterProvider router={router}>
        <Where />
        <Guarded dirty />
      </RouterProvider>,
    );
    act(() => window.history.go(-3));
    expect(await screen.findByRole('dialog', { name: 'Leave?' })).toBeInTheDocument();
    await waitFor(() => expect(window.location.pathname).toBe('/items/b'));
  });

  it('<Navigate> replaces the entry it is rendered at', async () => {
    const router = createMemoryRouter(['/', '/old']);
    render(
      <RouterProvider router={router}>
        <Where />
        <Routes
          routes={[
            { path: '/old', element: <Navigate to="/items?page=2" replace /> },
            { path: '/items', element: <p>All items</p> },
          ]}
        />
      </RouterProvider>,
    );
    expect(await screen.findByText('At /items?page=2')).toBeInTheDocument();
    expect(screen.getByText('All items')).toBeInTheDocument();
    expect(router.state.historyAction).toBe('REPLACE');
    await act(() => router.navigate(-1));
    expect(await screen.findByText('At /')).toBeInTheDocument();
  });

  it('keeps the page before on screen, "loading", while a lazy page loads', async () => {
    let load = () => {};
    const LazyPage = lazy(
      () =>
        new Promise<{ default: () => ReactNode }>((resolve) => {
          load = () => resolve({ default: () => <p>Lazy page</p> });
        }),
    );
    const router = createMemoryRouter(['/items']);
    render(
      <RouterProvider router={router}>
        <Status />
        <Suspense fallback={<p>Loading the page</p>}>
          <Routes
            routes={[
              { path: '/items', element: <p>All items</p> },
              { path: '/lazy', element: <LazyPage /> },
            ]}
          />
        </Suspense>
      </RouterProvider>,
    );
    expect(screen.getByText('Navigation idle')).toBeInTheDocument();
    act(() => router.navigate('/lazy'));
    expect(await screen.findByText('Navigation loading')).toBeInTheDocument();
    expect(screen.getByText('All items')).toBeInTheDocument();
    expect(screen.queryByText('Loading the page')).not.toBeInTheDocument();

    await act(async () => load());
    expect(await screen.findByText('Lazy page')).toBeInTheDocument();
    expect(screen.getByText('Navigation idle')).toBeInTheDocument();
  });

  it('holds Forward in the browser too', async () => {
    window.history.replaceState(null, '', '/items');
    const router = createBrowserRouter();
    const user = userEvent.setup();
    const { rerender } = renderWith(router);
    await user.click(screen.getByRole('link', { name: 'Open a b' }));
    expect(await screen.findByText('Item a b')).toBeInTheDocument();
    act(() => window.history.back());
    expect(await screen.findByText('All items')).toBeInTheDocument();

    rerender(
      <RouterProvider router={router}>
        <Where />
        <Guarded dirty />
        <Routes routes={[{ path: '/items', element: <p>All items</p> }]} />
      </RouterProvider>,
    );
    act(() => window.history.forward());
    expect(await screen.findByRole('dialog', { name: 'Leave?' })).toBeInTheDocument();
    await waitFor(() => expect(window.location.pathname).toBe('/items'));
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(screen.getByText('At /items')).toBeInTheDocument();

    act(() => window.history.forward());
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    expect(await screen.findByText('At /items/a%20b')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/items/a%20b');
  });

  it('lets a held navigation go when the page that held it is gone, and holds no more', async () => {
    const router = createMemoryRouter(['/items']);
    const user = userEvent.setup();
    const { rerender } = renderWith(router, { dirty: true });
    await user.click(screen.getByRole('link', { name: 'Open a b' }));
    expect(await screen.findByRole('dialog', { name: 'Leave?' })).toBeInTheDocument();

    rerender(
      <RouterProvider router={router}>
        <Where />
        <Link to="/items/a%20b">Open a b</Link>
      </RouterProvider>,
    );
    expect(router.blocker.state).toBe('unblocked');
    expect(screen.getByText('At /items')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Open a b' }));
    expect(await screen.findByText('At /items/a%20b')).toBeInTheDocument();
  });

  it('keeps the position a page had before the next one cut it short', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    // As a browser does: a page shorter than the position clamps it, once it is in place.
    const scrollY = vi
      .spyOn(window, 'scrollY', 'get')
      .mockImplementation(() => (screen.queryByText('All items') ? 640 : 0));
    const router = createMemoryRouter(['/items']);
    render(
      <RouterProvider router={router}>
        <Routes
          routes={[
            { path: '/items', element: <p>All items</p> },
            { path: '*', element: <p>Short page</p> },
          ]}
        />
        {/* After the page, as in the layout. */}
        <ScrollRestoration />
      </RouterProvider>,
    );
    act(() => router.navigate('/items/1'));
    expect(await screen.findByText('Short page')).toBeInTheDocument();
    expect(scrollTo).toHaveBeenLastCalledWith(0, 0);

    await act(() => router.navigate(-1));
    expect(await screen.findByText('All items')).toBeInTheDocument();
    expect(scrollTo).toHaveBeenLastCalledWith(0, 640);
    scrollTo.mockRestore();
    scrollY.mockRestore();
  });
});
