import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RouterProvider } from '@/ui/router';
import { createMemoryRouter } from '@/ui/router-history';
import { Navigate } from '@/ui/router-links';
import { Routes } from '@/ui/router-match';
import { Where, renderWith } from '@/test/router-pages';

describe('Link', () => {
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
});

describe('Navigate', () => {
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
});
