import '@mantine/core/styles/Modal.layer.css';
import { Modal, Text } from '@mantine/core';
import { Suspense, lazy } from 'react';
import { cancelReauthentication } from '@/api/session';
import { useSession } from '@/app/session-guard';

const SignInForm = lazy(() =>
  import('@/app/sign-in-form').then((module) => ({ default: module.SignInForm })),
);

/**
 * Shown over the current page when the token expired or was refused: requests that met the
 * 401 wait, and run again after sign-in, so a form being edited keeps every value.
 */
export default function SignInAgainDialog() {
  const { session, reauth } = useSession();
  return (
    <Modal
      opened
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
