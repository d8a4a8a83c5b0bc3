import {
  Badge,
  Button,
  Center,
  Container,
  Group,
  Loader,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { Suspense, lazy, type ReactNode } from 'react';
import { apiReady } from '@/api/request';
import classes from '@/app/layout.module.css';
import { OfflineBanner } from '@/app/offline-banner';
import { focusMainHeading } from '@/app/page-focus';
import { AccountMenu, LiveBadge, RequireSession } from '@/app/session-guard';
import { INTEGRATIONS_KEY, detailIdOf } from '@/integrations/query-keys';
import { DeploymentContext, type Deployment } from '@/ui/deployment';
import { Hint } from '@/ui/hint';
import { Link, ScrollRestoration, useNavigation } from '@/ui/router';

// After the demo has loaded: the controls read the simulated API's data, restored by startDemo.
// If it could not load, the pages say so (their requests fail with why); the controls still load.
const DemoControls = lazy(() =>
  apiReady()
    .catch(() => undefined)
    .then(() => import('@/demo/demo-controls'))
    .then((module) => ({ default: module.DemoControls })),
);
// What the demo controls refresh when the simulation changes an integration on its own.
const DEMO_SHOWS = { queryKey: INTEGRATIONS_KEY, idOf: detailIdOf };

export function Layout({ deployment, children }: { deployment: Deployment; children: ReactNode }) {
  const { mode, modes, upstream } = deployment;
  const liveOffered = modes.includes('live');
  const navigation = useNavigation();
  return (
    <>
      <a
        href="#main-content"
        className={classes.skipLink}
        onClick={(event) => {
          event.preventDefault();
          if (!focusMainHeading({ preventScroll: false })) {
            document.getElementById('main-content')?.focus();
          }
        }}
      >
        Skip to content
      </a>
      {/* Mantine's AppShell did no more than this header and main (no navbar, aside or footer),
          for ~10 kB gzip of first-load code: resize handles, media styles, react-remove-scroll.
          `right-scroll-bar-position`: react-remove-scroll's class, so the fixed header does not
          shift when a modal locks the page's scroll (as AppShell's header had it). */}
      <header className={`${classes.header} right-scroll-bar-position`}>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            {/* On a phone the badge goes under the name, so "Sign in to 1NCE" fits beside them. */}
            <Group gap="xs" wrap="wrap" style={{ rowGap: 2 }}>
              <Text
                component={Link}
                to="/integrations"
                fw={700}
                fz={{ base: 'md', sm: 'lg' }}
                lh={1.2}
                c="inherit"
                style={{ textDecoration: 'none', whiteSpace: 'nowrap' }}
              >
                Integrator Console
              </Text>
              {mode === 'demo' && (
                <Hint
                  label="Simulated 1NCE API running in this browser. No account, no network."
                  multiline
                  w={260}
                >
                  <Badge color="grape" variant="filled" miw="max-content">
                    Demo mode
                  </Badge>
                </Hint>
              )}
              {mode === 'demo' && (
                <VisuallyHidden>
                  Simulated 1NCE API running in this browser. No account, no network.
                </VisuallyHidden>
              )}
              {mode === 'live' && <LiveBadge upstream={upstream} />}
              {navigation.state === 'loading' && <Loader size="xs" aria-label="Loading page" />}
            </Group>
            {mode === 'demo' ? (
              <Group gap="xs" wrap="nowrap">
                {liveOffered && (
                  <Button
                    component={Link}
                    to="/sign-in"
                    variant="subtle"
                    size="sm"
                    px={{ base: 6, sm: 'md' }}
                  >
                    Sign in to 1NCE
                  </Button>
                )}
                <Suspense fallback={null}>
                  <DemoControls liveOffered={liveOffered} shows={DEMO_SHOWS} />
                </Suspense>
              </Group>
            ) : (
              <AccountMenu />
            )}
          </Group>
        </Container>
      </header>
      <main id="main-content" tabIndex={-1} className={classes.main}>
        <Container size="xl" py="md">
          <OfflineBanner />
          <DeploymentContext value={deployment}>
            {/* The header is there at once; the page follows when its chunk has loaded. */}
            <Suspense fallback={<PageLoading />}>
              {mode === 'live' ? <RequireSession>{children}</RequireSession> : children}
            </Suspense>
          </DeploymentContext>
        </Container>
      </main>
      <ScrollRestoration />
    </>
  );
}

function PageLoading() {
  return (
    <Center py="xl">
      <Loader aria-label="Loading the page" />
    </Center>
  );
}
