import { Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useBlocker, type Blocker } from '@/ui/router';
import { ConfirmDialog } from '@/ui/confirm-dialog';

/**
 * Holds a dirty form: navigating to another page waits for the answer of
 * `LeaveWithoutSavingDialog`, and closing or reloading the tab gets the browser's own prompt.
 */
export function useLeaveGuard(isDirty: boolean) {
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);
  return {
    blocker,
    /** While true, navigation goes unasked: set before a save that navigates away on success. */
    setLeaving: (value: boolean) => {
      leaving.current = value;
    },
  };
}

export function LeaveWithoutSavingDialog({
  blocker,
  onDiscard,
}: {
  blocker: Blocker;
  onDiscard: () => void;
}) {
  return (
    <ConfirmDialog
      opened={blocker.state === 'blocked'}
      title="Leave without saving?"
      onCancel={() => blocker.reset?.()}
      cancelLabel="Stay"
      onConfirm={() => {
        onDiscard();
        blocker.proceed?.();
      }}
      confirmLabel="Discard changes"
      confirmColor="red"
    >
      <Text size="sm">Your changes to this webhook have not been saved.</Text>
    </ConfirmDialog>
  );
}
