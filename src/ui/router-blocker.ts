import { createContext, use, useEffect, useLayoutEffect, useRef } from 'react';
import { useRouter } from '@/ui/router-context';
import type { Location } from '@/ui/router-history';

export type Blocker =
  | { state: 'unblocked'; proceed?: undefined; reset?: undefined }
  | { state: 'blocked'; proceed: () => void; reset: () => void };
export type BlockerFunction = (args: {
  currentLocation: Location;
  nextLocation: Location;
}) => boolean;

const UNBLOCKED: Blocker = { state: 'unblocked' };

/**
 * The blockers the pages set, and the one navigation they hold: whichever blocker says yes, the
 * navigation waits for one answer (`proceed` or `reset`), which every `useBlocker` returns.
 */
export function createBlockers(notify: () => void) {
  const blockers = new Set<BlockerFunction>();
  let held: Blocker = UNBLOCKED;
  return {
    get held() {
      return held;
    },
    blocks: (currentLocation: Location, nextLocation: Location) =>
      [...blockers].some((shouldBlock) => shouldBlock({ currentLocation, nextLocation })),
    /** Holds the navigation that `proceed` carries out. */
    hold(proceed: () => void) {
      held = {
        state: 'blocked',
        proceed: () => {
          held = UNBLOCKED;
          proceed();
        },
        reset: () => {
          held = UNBLOCKED;
          notify();
        },
      };
      notify();
    },
    /** A navigation happened: nothing is held any more (the caller notifies). */
    release() {
      held = UNBLOCKED;
    },
    add(shouldBlock: BlockerFunction) {
      blockers.add(shouldBlock);
      return () => {
        blockers.delete(shouldBlock);
        // The page that would answer is gone: what it held is dropped, not carried out.
        if (blockers.size === 0 && held.state === 'blocked') {
          held = UNBLOCKED;
          notify();
        }
      };
    },
  };
}

export const BlockerContext = createContext<Blocker>(UNBLOCKED);

/**
 * Asks `shouldBlock` before each navigation; when it says yes the navigation waits, and the
 * blocker returned says so until `proceed` or `reset`. Back and forward are held too.
 */
export function useBlocker(shouldBlock: BlockerFunction): Blocker {
  const router = useRouter();
  const blocker = use(BlockerContext);
  const latestRef = useRef(shouldBlock);
  useLayoutEffect(() => {
    latestRef.current = shouldBlock;
  });
  useEffect(() => router.block((args) => latestRef.current(args)), [router]);
  return blocker;
}
