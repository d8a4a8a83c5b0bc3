import { createContext, use } from 'react';

export const MODES = ['demo', 'live'] as const;
export type Mode = (typeof MODES)[number];
/** What a deployment offers (CONSOLE_MODES): never none, the first being what a new tab opens. */
export type Modes = readonly [Mode, ...Mode[]];

/**
 * What the tab runs as, decided once before the first render (main.tsx) and handed down to the
 * pages: its mode, the modes the deployment offers, and the host of the API live mode talks to
 * (named on the sign-in page and in the header, "Live: <host>").
 */
export interface Deployment {
  mode: Mode;
  modes: Modes;
  upstream?: string;
}

export const DeploymentContext = createContext<Deployment | null>(null);

/**
 * The tab's deployment in any page under the layout: app/ decides it, and the layout hands it to
 * its pages in `DeploymentContext`, so features read it here without knowing app/.
 */
export function useDeployment(): Deployment {
  const deployment = use(DeploymentContext);
  if (!deployment) throw new Error('useDeployment() is used outside the layout');
  return deployment;
}
