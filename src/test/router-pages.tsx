import { render } from '@testing-library/react';
import { Link, RouterProvider, Routes, useBlocker, useLocation, useParams } from '@/ui/router';
import type { Router } from '@/ui/router-history';

// A few pages for the router's tests (src/ui/router*.test.tsx), each saying where it is.

export function Where() {
  const { pathname, search } = useLocation();
  return <p>At {`${pathname}${search}`}</p>;
}

export function Item() {
  const { id } = useParams<{ id: string }>();
  return <p>Item {id}</p>;
}

/** A form page that holds navigation while `dirty`, answering with the blocker's buttons. */
export function Guarded({ dirty }: { dirty: boolean }) {
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

/** Items and their list, two links, and a form page that is `dirty` or not. */
export function renderWith(router: Router, { dirty = false } = {}) {
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
