import { Center, Loader, MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, RouterProvider, createBrowserRouter, type RouteObject } from 'react-router';
import { createQueryClient } from '@/api/query-client';
import { Layout } from '@/app/layout';
import { PageFocus } from '@/app/page-focus';
import { cssVariablesResolver, theme } from '@/app/theme';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';
import type { Deployment } from '@/ui/deployment';
import { Toasts } from '@/ui/toasts';

export const routes = (deployment: Deployment): RouteObject[] => [
  { element: <PageFocus />, children: pages(deployment) },
];

const pages = (deployment: Deployment): RouteObject[] => [
  deployment.modes.includes('live')
    ? {
        path: 'sign-in',
        HydrateFallback: PageLoader,
        lazy: () =>
          import('@/app/sign-in-page').then(({ SignInPage }) => ({
            Component: () => <SignInPage deployment={deployment} />,
          })),
      }
    : // A demo-only deployment has nothing to sign in to: an old link lands on the demo.
      { path: 'sign-in', element: <Navigate to="/integrations" replace /> },
  {
    element: <Layout deployment={deployment} />,
    HydrateFallback: PageLoader,
    children: [
      { index: true, lazy: () => import('@/integrations/list-page').then(asRoute('ListPage')) },
      {
        path: 'integrations',
        lazy: () => import('@/integrations/list-page').then(asRoute('ListPage')),
      },
      {
        path: 'integrations/new',
        lazy: () => import('@/integrations/new-webhook-page').then(asRoute('NewWebhookPage')),
      },
      {
        path: 'integrations/:id',
        lazy: () => import('@/integrations/detail-page').then(asRoute('DetailPage')),
      },
      {
        path: 'integrations/:id/edit',
        lazy: () => import('@/integrations/edit-webhook-page').then(asRoute('EditWebhookPage')),
      },
      {
        path: 'coverage',
        lazy: () => import('@/coverage/coverage-page').then(asRoute('CoveragePage')),
      },
      { path: '*', lazy: () => import('@/app/not-found-page').then(asRoute('NotFoundPage')) },
    ],
  },
];

function asRoute<K extends string>(name: K) {
  return (module: Record<K, React.ComponentType>) => ({ Component: module[name] });
}

function PageLoader() {
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
  const [router] = useState(() => createBrowserRouter(routes(deployment)));
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <Toasts />
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
