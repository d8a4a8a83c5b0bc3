import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { resolveMode } from '@/app/mode';

const mode = resolveMode();
if (mode === 'demo') {
  const { startDemo } = await import('@/mocks/browser');
  await startDemo();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App mode={mode} />
  </StrictMode>,
);
