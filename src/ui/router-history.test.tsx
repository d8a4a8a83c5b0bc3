import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouterProvider } from '@/ui/router';
import { createBrowserRouter, replaceUrl } from '@/ui/router-history';
import { Link } from '@/ui/router-links';
import { Guarded, Where, renderWith } from '@/test/router-pages';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('the browser history', () => {
  it('keeps the state given to navigate in the history entry', async () => {
    window.history.replaceState(null, '', '/items');
    const router = createBrowserRouter();
    renderWith(router);
    act(() => router.navigate('/items/7', { state: { from: 'list' } }));
    expect(await screen.findByText('Item 7')).toBeInTheDocument();
    expect(window.history.state).toMatchObject({ index: 1, usr: { from: 'list' } });
    expect(router.state.location.state).toEqual({ from: 'list' });
  });

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
});
