import { Anchor, Button, Center, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useNavigate, useSearchParams } from '@/ui/router';
import { switchMode } from '@/app/mode';
import { SignInForm } from '@/app/sign-in-form';
import type { Deployment } from '@/ui/deployment';

/** Only paths inside the console, so `?next=` cannot send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/integrations';
}

/** Only where live mode is offered; "Try the demo" only where the demo is too. */
export function SignInPage({ deployment }: { deployment: Deployment }) {
  const { mode, modes, upstream } = deployment;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));

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
          <SignInForm
            onSignedIn={() => (mode === 'live' ? navigate(next) : switchMode('live', next))}
          />
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
