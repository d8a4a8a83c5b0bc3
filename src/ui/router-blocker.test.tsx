import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RouterProvider } from '@/ui/router';
import { createBrowserRouter, createMemoryRouter } from '@/ui/router-history';
import { Link } from '@/ui/router-links';
import { Routes } from '@/ui/router-match';
import { Guarded, Item, Where, renderWith } from '@/test/router-pages';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('useBlocker', () => {
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
});
