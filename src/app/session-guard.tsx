import { Badge, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { Suspense, lazy, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from '@/ui/router';
import { sessionStore, signOut, warnBeforeExpiry } from '@/api/session';
import { Hint } from '@/ui/hint';

// Loaded when it first opens, so the dialog and react-hook-form stay out of every live page's
// first load (budgets.json); the sign-in page loads the form's chunk as its route.
const SignInAgainDialog = lazy(() => import('@/app/sign-in-again-dialog'));

const WARN_BEFORE_EXPIRY_MS = 2 * 60_000;

export function useSession() {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** The sign-in page, coming back to `location` after. */
export const signInPath = ({ pathname, search }: Pick<Location, 'pathname' | 'search'>) =>
  `/sign-in?next=${encodeURIComponent(`${pathname}${search}`)}`;

/** Live pages need a session; without one the user goes to the start page and comes back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={signInPath(location)} replace />;
  return (
    <>
      {children}
      <ExpiryWarning expiresAt={session.expiresAt} />
      <SignInAgain />
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

/** Mounted (and loaded) only while a sign-in is asked for: most sessions never see it. */
function SignInAgain() {
  const { reauth } = useSession();
  return reauth === null ? null : (
    <Suspense fallback={null}>
      <SignInAgainDialog />
    </Suspense>
  );
}

/** `upstream`: the host of the API live mode talks to, where the server named it. */
export function LiveBadge({ upstream }: { upstream?: string }) {
  const label = upstream ? `Live: ${upstream}` : 'Live';
  return (
    <>
      <Hint label="Changes here apply to your real 1NCE account." withArrow>
        <Badge color="teal" variant="filled" style={{ textTransform: 'none' }}>
          {label}
        </Badge>
      </Hint>
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
