import { useEffect, useState } from 'react';

const SLOW_AFTER_MS = 4000;

/** True once something has been pending for a few seconds, so the UI can say it is still waiting. */
export function useSlowHint(pending: boolean, afterMs = SLOW_AFTER_MS): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => setSlow(true), afterMs);
    return () => {
      window.clearTimeout(timer);
      setSlow(false);
    };
  }, [pending, afterMs]);
  return pending && slow;
}

export const SLOW_MESSAGE =
  'The 1NCE API is taking longer than usual. Still waiting; nothing you typed is lost.';
