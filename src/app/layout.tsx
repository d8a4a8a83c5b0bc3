import { AppShell, Badge, Button, Container, Group, Loader, Text, Tooltip } from '@mantine/core';
import { Suspense, lazy } from 'react';
import { Link, Outlet, ScrollRestoration, useNavigation } from 'react-router';
import type { Mode } from '@/app/mode';
import { OfflineBanner } from '@/app/offline-banner';
import { AccountMenu, LiveBadge, RequireSession } from '@/app/session-guard';

const DemoControls = lazy(() =>
  import('@/demo/demo-controls').then((module) => ({ default: module.DemoControls })),
);

export function Layout({ mode }: { mode: Mode }) {
  const navigation = useNavigation();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Text
                component={Link}
                to="/integrations"
                fw={700}
                fz={{ base: 'md', sm: 'lg' }}
                c="inherit"
                style={{ textDecoration: 'none', whiteSpace: 'nowrap' }}
              >
                Integrator Console
              </Text>
              {mode === 'demo' && (
                <Tooltip
                  label="Simulated 1NCE API running in this browser tab. No account, no network."
                  multiline
                  w={260}
                >
                  <Badge color="grape" variant="filled" tabIndex={0}>
                    Demo mode
                  </Badge>
                </Tooltip>
              )}
              {mode === 'live' && <LiveBadge />}
              {navigation.state === 'loading' && <Loader size="xs" aria-label="Loading page" />}
            </Group>
            {mode === 'demo' ? (
              <Group gap="xs" wrap="nowrap">
                <Button component={Link} to="/sign-in" variant="subtle" size="sm" visibleFrom="sm">
                  Sign in to 1NCE
                </Button>
                <Suspense fallback={null}>
                  <DemoControls />
                </Suspense>
              </Group>
            ) : (
              <AccountMenu />
            )}
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" py="md">
          <OfflineBanner />
          {mode === 'live' ? (
            <RequireSession>
              <Outlet />
            </RequireSession>
          ) : (
            <Outlet />
          )}
        </Container>
      </AppShell.Main>
      <ScrollRestoration />
    </AppShell>
  );
}
