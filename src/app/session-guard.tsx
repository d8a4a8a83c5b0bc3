import { Badge, Button, Group, Modal, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { Suspense, lazy, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { cancelReauthentication, sessionStore, signOut, warnBeforeExpiry } from '@/api/session';

// Loaded when the dialog first opens, so react-hook-form stays out of every live page's initial
// JS (budgets.json); the sign-in page loads the same chunk as its route.
const SignInForm = lazy(() =>
  import('@/app/sign-in-form').then((module) => ({ default: module.SignInForm })),
);

const WARN_BEFORE_EXPIRY_MS = 2 * 60_000;

function useSession() {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** Live pages need a session; without one the user goes to the start page and comes back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return (
    <>
      {children}
      <ExpiryWarning expiresAt={session.expiresAt} />
      <SignInAgainDialog />
    </>
  );
}

function ExpiryWarning({ expiresAt }: { expiresAt: number }) {
  useEffect(() => {
    const delay = expiresAt - WARN_BEFORE_EXPIRY_MS - Date.now();
    if (delay <= 0) return;
    const timer = window.setTimeout(warnBeforeExpiry, delay);
    return () => window.clearTimeout(timer);
  }, [expiresAt]);
  return null;
}

/**
 * Shown over the current page when the token expired or was refused: requests that met the
 * 401 wait, and run again after sign-in, so a form being edited keeps every value.
 */
function SignInAgainDialog() {
  const { session, reauth } = useSession();
  return (
    <Modal
      opened={reauth !== null}
      onClose={cancelReauthentication}
      title={reauth === 'expiring' ? 'Your session ends soon' : 'Sign in again'}
      // Above any dialog that was open when the session ran out (their portals come later).
      zIndex={300}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Text size="sm" mb="md">
        {reauth === 'expiring'
          ? 'The 1NCE token expires in under two minutes. Sign in again to keep working without interruption.'
          : 'Your 1NCE session has expired. Sign in again and the console carries on where you were; nothing you typed is lost.'}
      </Text>
      <Suspense>
        <SignInForm
          defaultUsername={session?.username}
          submitLabel="Sign in and continue"
          onSignedIn={() => undefined}
        />
      </Suspense>
    </Modal>
  );
}

/** `upstream`: the host of the API live mode talks to, where the server named it. */
export function LiveBadge({ upstream }: { upstream?: string }) {
  const label = upstream ? `Live: ${upstream}` : 'Live';
  return (
    <>
      <Tooltip label="Changes here apply to your real 1NCE account." withArrow>
        <Badge color="teal" variant="filled" style={{ textTransform: 'none' }}>
          {label}
        </Badge>
      </Tooltip>
      {/* Not a tab stop; the tooltip's text for a screen reader. */}
      <VisuallyHidden>Changes here apply to your real 1NCE account.</VisuallyHidden>
    </>
  );
}

export function AccountMenu() {
  const { session } = useSession();
  return (
    <Group gap="xs" wrap="nowrap">
      {session && (
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {session.username}
        </Text>
      )}
      <Button
        variant="default"
        size="sm"
        leftSection={<IconLogout size={16} aria-hidden />}
        onClick={() => {
          signOut();
          // A full load drops every cached integration along with the token.
          window.location.assign('/sign-in');
        }}
      >
        Sign out
      </Button>
    </Group>
  );
}
