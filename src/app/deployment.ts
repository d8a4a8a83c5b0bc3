import { useOutletContext } from 'react-router';
import type { Deployment } from '@/app/console-config';

/**
 * The tab's deployment (mode, offered modes, API host) in any page under the layout: the layout
 * hands the one main.tsx decided to its pages as the outlet's context.
 */
export function useDeployment(): Deployment {
  return useOutletContext<Deployment>();
}
