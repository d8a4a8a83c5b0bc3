import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, lazy, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { RouterProvider, useNavigation, useSearchParams } from '@/ui/router';
import { createMemoryRouter } from '@/ui/router-history';
import { Routes } from '@/ui/router-match';

function Status() {
  const { state } = useNavigation();
  return <p>Navigation {state}</p>;
}

describe('RouterProvider', () => {
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
});
