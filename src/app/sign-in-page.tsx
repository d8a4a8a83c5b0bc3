import { Anchor, Button, Center, Divider, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Suspense, lazy } from 'react';
import { IconFlask } from '@tabler/icons-react';
import { useNavigate, useSearchParams } from '@/ui/router';
import { switchMode } from '@/app/mode';
import { consolePath } from '@/ui/console-path';
import type { Deployment } from '@/ui/deployment';
import { usePageTitle } from '@/ui/use-page-title';

// The form (react-hook-form, its zod resolver, PasswordInput: ~20 kB gzip) is its own chunk, loaded
// beside React's first render (app.tsx preloadPage): the page's text paints without waiting for it.
export const loadSignInForm = () => import('@/app/sign-in-form');
const SignInForm = lazy(() => loadSignInForm().then((module) => ({ default: module.SignInForm })));

// The form's height before any message (two inputs and the button, measured in Chromium), kept
// while it loads so nothing below it moves when it arrives.
const FORM_HEIGHT = 182;

/** Only where live mode is offered; "Try the demo" only where the demo is too. */
export function SignInPage({ deployment }: { deployment: Deployment }) {
  const { mode, modes, upstream } = deployment;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // Only a path inside the console: `?next=` must not send anyone elsewhere once they signed in.
  const next = consolePath(params.get('next')) ?? '/integrations';
  usePageTitle('Sign in');

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420} component="main">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              Integrator Console
            </Title>
            <Text c="dimmed" size="sm">
              Manage your 1NCE Cloud Integrator webhooks. Sign in with your 1NCE API user.
            </Text>
            {upstream && (
              <Text size="sm" mt={4}>
                1NCE API:{' '}
                <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {upstream}
                </Text>
              </Text>
            )}
          </div>
          <Suspense
            fallback={
              <Center h={FORM_HEIGHT}>
                <Loader size="sm" aria-label="Loading the sign-in form" />
              </Center>
            }
          >
            <SignInForm
              onSignedIn={() => (mode === 'live' ? navigate(next) : switchMode('live', next))}
            />
          </Suspense>
          <Text size="xs" c="dimmed">
            Your password is sent once to 1NCE for a one-hour token and never stored. The token
            stays in this browser tab until you sign out or close it.{' '}
            <Anchor
              href="https://help.1nce.com/dev-hub/docs/1nce-os-api-authorization"
              target="_blank"
              rel="noreferrer"
              size="xs"
              underline="always"
            >
              About API users
            </Anchor>
          </Text>
          {modes.includes('demo') && (
            <>
              <Divider label="or" labelPosition="center" />
              <Button
                variant="light"
                color="grape"
                leftSection={<IconFlask size={16} aria-hidden />}
                onClick={() =>
                  mode === 'demo' ? navigate('/integrations') : switchMode('demo', '/integrations')
                }
              >
                Try the demo
              </Button>
              <Text size="xs" c="dimmed" ta="center">
                No account needed: a simulated API runs in your browser.
              </Text>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
