import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from '@/ui/router';
import { createQueryClient } from '@/api/query-client';
import { AppRoutes } from '@/app/app';
import { DEFAULT_MODES } from '@/app/mode';
import { theme } from '@/app/theme';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';
import type { Deployment } from '@/ui/deployment';
import { Toasts } from '@/ui/toasts';

/**
 * The whole app at `path`, with a fresh cache and no retries, as a user would meet it: in demo
 * mode of a default deployment unless `deployment` says otherwise (CONSOLE_MODES, and the API
 * host the server names).
 */
export function renderApp(
  path: string,
  deployment: Partial<Deployment> = {},
  /** `retry`: the app's own retry policy, for a test of what a retry does (a 429 waited out). */
  { retry = false }: { retry?: boolean } = {},
) {
  const queryClient = createQueryClient({ retry, invalidates: INTEGRATIONS_KEY });
  const { mode = 'demo', modes = DEFAULT_MODES, upstream } = deployment;
  const router = createMemoryRouter([path]);
  const user = userEvent.setup();
  const view = render(
    <MantineProvider theme={theme} env="test">
      <Toasts />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router}>
          <AppRoutes deployment={{ mode, modes, upstream }} />
        </RouterProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, user, router, queryClient };
}

/** The one table row that holds the link `name` (a row has no name of its own to query by). */
export function rowFor(name: string) {
  const rows = screen
    .getAllByRole('row')
    .filter((row) => within(row).queryByRole('link', { name }));
  if (rows.length !== 1) throw new Error(`${rows.length} table rows hold a link "${name}"`);
  return rows[0]!;
}
