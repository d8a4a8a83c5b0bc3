import type { TooltipProps } from '@mantine/core';
import {
  Suspense,
  cloneElement,
  lazy,
  useState,
  type PointerEvent,
  type ReactElement,
} from 'react';

const Tooltip = lazy(() => import('@/ui/hint-tooltip'));

type Child = ReactElement<{ onPointerEnter?: (event: PointerEvent) => void }>;

/**
 * Mantine's Tooltip for what every page shows at once (the header's badges, the list's states,
 * times and Refresh): it loads when the pointer first comes over its element, opened, so the
 * Tooltip and floating-ui stay out of the first load (budgets.json `load`). Like Mantine's, it
 * is for the pointer: the same text must reach a keyboard or screen reader another way.
 */
export function Hint({ children, ...props }: Omit<TooltipProps, 'children'> & { children: Child }) {
  const [armed, setArmed] = useState(false);
  if (armed) {
    return (
      <Suspense fallback={children}>
        <Tooltip defaultOpened {...props}>
          {children}
        </Tooltip>
      </Suspense>
    );
  }
  return cloneElement(children, {
    onPointerEnter: (event: PointerEvent) => {
      children.props.onPointerEnter?.(event);
      if (event.pointerType === 'mouse') setArmed(true);
    },
  });
}
