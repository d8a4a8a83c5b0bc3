import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { createQueryClient } from '@/api/query-client';
import { Layout } from '@/app/layout';
import { PageFocus } from '@/app/page-focus';
import { SignInPage, loadSignInForm } from '@/app/sign-in-page';
import { cssVariablesResolver, theme } from '@/app/theme';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';
import type { Deployment } from '@/ui/deployment';
import {
  Navigate,
  RouterProvider,
  Routes,
  createBrowserRouter,
  matchPath,
  type Route,
} from '@/ui/router';
import { Toasts } from '@/ui/toasts';

/**
 * A page in its own chunk: `Page` renders it (loading the chunk when first shown), `load` starts
 * that load early (preloadPage), so its download runs beside React's first render.
 */
function lazyPage<K extends string, P extends object>(
  load: () => Promise<Record<K, React.ComponentType<P>>>,
  name: K,
) {
  return { load, Page: lazy(() => load().then((module) => ({ default: module[name] }))) };
}

const list = lazyPage(() => import('@/integrations/list-page'), 'ListPage');
const newWebhook = lazyPage(() => import('@/integrations/new-webhook-page'), 'NewWebhookPage');
const detail = lazyPage(() => import('@/integrations/detail-page'), 'DetailPage');
const edit = lazyPage(() => import('@/integrations/edit-webhook-page'), 'EditWebhookPage');
const coverage = lazyPage(() => import('@/coverage/coverage-page'), 'CoveragePage');
const notFound = lazyPage(() => import('@/app/not-found-page'), 'NotFoundPage');

// The pages under the layout (its header and the session it needs in live mode).
const PAGES = [
  { path: '/', page: list },
  { path: '/integrations', page: list },
  { path: '/integrations/new', page: newWebhook },
  { path: '/integrations/:id', page: detail },
  { path: '/integrations/:id/edit', page: edit },
  { path: '/coverage', page: coverage },
  { path: '*', page: notFound },
];
const PAGE_ROUTES: readonly Route[] = PAGES.map(({ path, page: { Page } }) => ({
  path,
  element: <Page />,
}));

/** Only a deployment that offers live mode has a sign-in page. */
const offersSignIn = (deployment: Deployment) => deployment.modes.includes('live');

/** Starts loading the code of the page at `pathname`, before anything renders (main.tsx). */
export function preloadPage(pathname: string, deployment: Deployment): void {
  const page =
    pathname === '/sign-in'
      ? offersSignIn(deployment) && { load: loadSignInForm }
      : PAGES.find(({ path }) => matchPath(path, pathname))?.page;
  // A failed load is the page's to report when it renders.
  if (page) page.load().catch(() => undefined);
}

/** Every page of the console, for the location of the router above it. */
export function AppRoutes({ deployment }: { deployment: Deployment }) {
  // In the first chunk, unlike every other page: a signed-out live tab opens here, and its text
  // paints with the first render while its form loads (sign-in-page.tsx).
  const signInPage = offersSignIn(deployment) ? (
    <SignInPage deployment={deployment} />
  ) : (
    // A demo-only deployment has nothing to sign in to: an old link lands on the demo.
    <Navigate to="/integrations" replace />
  );
  return (
    <PageFocus>
      <Routes
        routes={[
          { path: '/sign-in', element: signInPage },
          {
            path: '*',
            element: (
              <Layout deployment={deployment}>
                <Routes routes={PAGE_ROUTES} />
              </Layout>
            ),
          },
        ]}
      />
    </PageFocus>
  );
}

export function App({
  deployment,
  queryClient,
}: {
  deployment: Deployment;
  queryClient?: QueryClient;
}) {
  const [client] = useState(
    () => queryClient ?? createQueryClient({ invalidates: INTEGRATIONS_KEY }),
  );
  const [router] = useState(createBrowserRouter);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <Toasts />
      <QueryClientProvider client={client}>
        <RouterProvider router={router}>
          <AppRoutes deployment={deployment} />
        </RouterProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
