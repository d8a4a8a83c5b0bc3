import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RouterProvider } from '@/ui/router';
import { createMemoryRouter } from '@/ui/router-history';
import { Routes } from '@/ui/router-match';
import { ScrollRestoration } from '@/ui/router-scroll';
import { Where } from '@/test/router-pages';

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
