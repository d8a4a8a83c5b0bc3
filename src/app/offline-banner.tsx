import { Alert } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** TanStack Query pauses while offline and refetches on reconnect; this tells the user why. */
export function OfflineBanner() {
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
  if (online) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconWifiOff aria-hidden />}
      role="status"
      mb="md"
      title="You are offline"
    >
      Nothing can be loaded or saved until the connection is back; what you typed stays here, and
      the page refreshes by itself when you are online again.
    </Alert>
  );
}
