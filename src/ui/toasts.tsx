import { Suspense, lazy, useSyncExternalStore } from 'react';
import { toastsWanted } from '@/ui/notify';

const ToastsContainer = lazy(() => import('@/ui/toasts-container'));

/** Where toasts appear: mounted once the first one is shown (notify), which loads it. */
export function Toasts() {
  const wanted = useSyncExternalStore(toastsWanted.subscribe, toastsWanted.get);
  return wanted ? (
    <Suspense fallback={null}>
      <ToastsContainer />
    </Suspense>
  ) : null;
}
