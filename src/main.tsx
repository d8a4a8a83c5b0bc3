import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setAuth } from '@/api/request';
import { reauthenticate, validToken } from '@/api/session';
import { App } from '@/app/app';
import { offeredModes, readEmbeddedConfig } from '@/app/console-config';
import { resolveMode, unregisterDemoWorker } from '@/app/mode';

// The deployment's modes come with the page (server/app-shell.js), so no request delays this.
const modes = offeredModes(readEmbeddedConfig());
const mode = resolveMode(modes);
if (mode === 'demo') {
  const { startDemo } = await import('@/mocks/browser');
  await startDemo();
} else {
  await unregisterDemoWorker();
  setAuth({ token: () => validToken(), reauthenticate: () => reauthenticate('expired') });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App mode={mode} modes={modes} />
  </StrictMode>,
);
