import { Center, Loader, MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useState } from 'react';
import { createQueryClient } from '@/api/query-client';
import { Layout } from '@/app/layout';
import { PageFocus } from '@/app/page-focus';
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

// Each page is its own chunk, loaded when it is first shown; the first page's as the app starts
// (preloadPage), so its download runs beside React's first render instead of after it.
const loadSignIn = () => import('@/app/sign-in-page');
const loadList = () => import('@/integrations/list-page');
const loadNew = () => import('@/integrations/new-webhook-page');
const loadDetail = () => import('@/integrations/detail-page');
const loadEdit = () => import('@/integrations/edit-webhook-page');
const loadCoverage = () => import('@/coverage/coverage-page');
const loadNotFound = () => import('@/app/not-found-page');

const SignInPage = lazy(() => loadSignIn().then(named('SignInPage')));
const ListPage = lazy(() => loadList().then(named('ListPage')));
const NewWebhookPage = lazy(() => loadNew().then(named('NewWebhookPage')));
const DetailPage = lazy(() => loadDetail().then(named('DetailPage')));
const EditWebhookPage = lazy(() => loadEdit().then(named('EditWebhookPage')));
const CoveragePage = lazy(() => loadCoverage().then(named('CoveragePage')));
const NotFoundPage = lazy(() => loadNotFound().then(named('NotFoundPage')));

function named<K extends string, P>(name: K) {
  return (module: Record<K, React.ComponentType<P>>) => ({ default: module[name] });
}

// The pages under the layout (its header and the session it needs in live mode).
const PAGES: readonly (Route & { load: () => Promise<unknown> })[] = [
  { path: '/', element: <ListPage />, load: loadList },
  { path: '/integrations', element: <ListPage />, load: loadList },
  { path: '/integrations/new', element: <NewWebhookPage />, load: loadNew },
  { path: '/integrations/:id', element: <DetailPage />, load: loadDetail },
  { path: '/integrations/:id/edit', element: <EditWebhookPage />, load: loadEdit },
  { path: '/coverage', element: <CoveragePage />, load: loadCoverage },
  { path: '*', element: <NotFoundPage />, load: loadNotFound },
];

/** Starts loading the code of the page at `pathname`, before anything renders (main.tsx). */
export function preloadPage(pathname: string, deployment: Deployment): void {
  const load =
    pathname === '/sign-in'
      ? deployment.modes.includes('live') && loadSignIn
      : PAGES.find(({ path }) => matchPath(path, pathname))?.load;
  // A failed load is the page's to report when it renders.
  if (load) load().catch(() => undefined);
}

/** Every page of the console, for the location of the router above it. */
export function AppRoutes({ deployment }: { deployment: Deployment }) {
  const signIn = deployment.modes.includes('live') ? (
    <Suspense fallback={<PageLoader />}>
      <SignInPage deployment={deployment} />
    </Suspense>
  ) : (
    // A demo-only deployment has nothing to sign in to: an old link lands on the demo.
    <Navigate to="/integrations" replace />
  );
  return (
    <PageFocus>
      <Routes
        routes={[
          { path: '/sign-in', element: signIn },
          {
            path: '*',
            element: (
              <Layout deployment={deployment}>
                <Routes routes={PAGES} />
              </Layout>
            ),
          },
        ]}
      />
    </PageFocus>
  );
}

export function PageLoader() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading the console" />
    </Center>
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
