import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setAuth } from '@/api/request';
import { reauthenticate, validToken } from '@/api/session';
import { App } from '@/app/app';
import { resolveMode, unregisterDemoWorker } from '@/app/mode';

const mode = resolveMode();
if (mode === 'demo') {
  const { startDemo } = await import('@/mocks/browser');
  await startDemo();
} else {
  await unregisterDemoWorker();
  setAuth({ token: () => validToken(), reauthenticate: () => reauthenticate('expired') });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App mode={mode} />
  </StrictMode>,
);
