// First, before any module that builds a zod schema is evaluated: why, in the module.
import '@/api/zod-jitless';
import '@/app/mantine.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { setApiReady, setAuth } from '@/api/request';
import { reauthenticate, sessionStore, validToken } from '@/api/session';
import { App, preloadPage } from '@/app/app';
import { offeredModes, readEmbeddedConfig } from '@/app/console-config';
import { DEMO_WORKER_URL, resolveMode, unregisterDemoWorker } from '@/app/mode';
import { signInPath } from '@/app/session-guard';
import type { Deployment } from '@/ui/deployment';
import { replaceUrl } from '@/ui/router-history';

// The deployment's config comes with the page (server/app-shell.js): read once, here, so no
// request delays the first render, and every page gets it from `deployment`.
const config = readEmbeddedConfig();
const modes = offeredModes(config);
const deployment: Deployment = { mode: resolveMode(modes), modes, upstream: config?.upstream };
// The page renders at once; its requests wait until the API they go to is there (setApiReady):
// in demo mode the simulated API (its chunk loaded and its service worker started), in live mode
// a demo worker left by an earlier visit gone.
if (deployment.mode === 'demo') {
  setApiReady(import('@/mocks/browser').then(({ startDemo }) => startDemo(DEMO_WORKER_URL)));
} else {
  setApiReady(unregisterDemoWorker());
  setAuth({ token: () => validToken(), reauthenticate: () => reauthenticate('expired') });
  // Signed out: straight to the sign-in page, before the router would load the page asked for
  // only for RequireSession to turn it away (its code is not needed until after sign-in).
  if (!sessionStore.get().session && window.location.pathname !== '/sign-in') {
    replaceUrl(signInPath(window.location));
  }
}

preloadPage(window.location.pathname, deployment);

// A transition: React renders the first screen in slices, yielding to the browser between them,
// instead of one long task that blocks input while the page starts.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <App deployment={deployment} />
    </StrictMode>,
  ),
);
