import type { TooltipProps } from '@mantine/core';
import {
  Suspense,
  cloneElement,
  lazy,
  useState,
  type PointerEvent,
  type ReactElement,
  type Ref,
} from 'react';

const Tooltip = lazy(() => import('@/ui/hint-tooltip'));

/** An element that takes a ref (its own is replaced: none of the console's has one). */
type Child = ReactElement<{
  ref?: Ref<HTMLElement>;
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void;
}>;

/**
 * Mantine's Tooltip for what every page shows at once (the header's badges, the list's states,
 * times and Refresh): it loads when the mouse first comes over its element and opens there, so
 * the Tooltip and floating-ui stay out of the first load (budgets.json `load`). It attaches to
 * the element (Tooltip's `target`) instead of wrapping it, so the element stays as it is: a
 * click that follows the hover at once still lands. It renders beside the element, not in a
 * portal, so it stays inside the page's landmarks (axe `region`). Like Mantine's, it is for the
 * mouse: the same text must reach a keyboard or screen reader another way.
 */
export function Hint({
  children,
  ...props
}: Omit<TooltipProps, 'children' | 'target'> & { children: Child }) {
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const [armed, setArmed] = useState(false);
  const { onPointerEnter } = children.props;
  return (
    <>
      {cloneElement(children, {
        ref: setTarget,
        onPointerEnter: (event: PointerEvent<HTMLElement>) => {
          onPointerEnter?.(event);
          if (event.pointerType === 'mouse') setArmed(true);
        },
      })}
      {armed && target && (
        <Suspense fallback={null}>
          <Tooltip target={target} defaultOpened withinPortal={false} {...props} />
        </Suspense>
      )}
    </>
  );
}
