import {
  autoUpdate,
  computePosition,
  flip,
  type Middleware,
  offset,
  type Placement,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import { type RefObject, useLayoutEffect } from 'react';

/** Space between the floating element and its target. */
const gap = 8;
/** Space kept free between the floating element and the window's edges. */
const edge = 8;

/** Where a floating element goes relative to its target, if there is room. */
export type Side = 'above' | 'below' | 'left';

const placements: Record<Side, Placement> = { above: 'top', below: 'bottom', left: 'left-start' };

/**
 * The last word when the target itself has left the window (scrolled out of view): flip, shift and size keep the
 * element beside a visible target, and this pins it to the nearest edge, so it is never cut off.
 */
const insideWindow: Middleware = {
  name: 'insideWindow',
  fn: ({ x, y, rects }) => ({
    x: Math.min(Math.max(x, edge), Math.max(edge, window.innerWidth - rects.floating.width - edge)),
    y: Math.min(Math.max(y, edge), Math.max(edge, window.innerHeight - rects.floating.height - edge)),
  }),
};

function middleware(prefer: Side): Middleware[] {
  return [
    offset(gap),
    // An orphan's editor sits to the left of its card; where that is too narrow it goes below (or above) instead.
    flip({ padding: edge, ...(prefer === 'left' ? { fallbackPlacements: ['bottom-start', 'top-start'] } : {}) }),
    shift({ padding: edge }),
    // On the chosen side the element may be at most as big as the room there (the popover then shrinks its note
    // box), so a mid-screen target in a short window keeps its popover beside it rather than under the edge.
    size({
      padding: edge,
      apply({ availableWidth, availableHeight, elements }) {
        elements.floating.style.maxWidth = `${Math.max(0, Math.floor(availableWidth))}px`;
        elements.floating.style.maxHeight = `${Math.max(0, Math.floor(availableHeight))}px`;
      },
    }),
    insideWindow,
  ];
}

/**
 * Places a `position: fixed` element next to a target box with Floating UI (flip, shift, size), always inside the
 * window; hidden while there is no target. Resolves once the element is placed.
 */
async function placeNear(element: HTMLElement, targetRect: () => DOMRect | undefined, prefer: Side): Promise<void> {
  const target = targetRect();
  if (!target) {
    element.style.visibility = 'hidden';
    return;
  }
  const reference: VirtualElement = { getBoundingClientRect: () => targetRect() ?? target };
  const { x, y } = await computePosition(reference, element, {
    strategy: 'fixed',
    placement: placements[prefer],
    middleware: middleware(prefer),
  });
  element.style.left = `${Math.round(x)}px`;
  element.style.top = `${Math.round(y)}px`;
  element.style.visibility = 'visible';
}

/**
 * Keeps a floating element next to a moving target (a selection, a highlight), re-placed on any scroll, on window
 * resize and when the element itself changes size. It writes the element's style directly so scrolling causes no
 * React renders; `version` re-places it when the target itself changes.
 */
export function useAnchoredPosition(
  floating: RefObject<HTMLElement | null>,
  targetRect: () => DOMRect | undefined,
  prefer: Side,
  version: unknown,
): void {
  useLayoutEffect(() => {
    const element = floating.current;
    if (!element) return undefined;
    // One placement per frame, run before it is painted. Placing changes the element's size (its maximum height),
    // which must not happen inside the ResizeObserver callback that reported the last change (a resize loop).
    let frame = 0;
    const place = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void placeNear(element, targetRect, prefer));
    };
    // The target is a box, not an element, so Floating UI cannot find its scroll containers (the article pane, the
    // sidebar): one capturing listener hears every scroll instead.
    const reference: VirtualElement = { getBoundingClientRect: () => targetRect() ?? new DOMRect() };
    const stop = autoUpdate(reference, element, place, { ancestorScroll: false });
    window.addEventListener('scroll', place, { capture: true, passive: true });
    return () => {
      stop();
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', place, { capture: true });
    };
  }, [floating, targetRect, prefer, version]);
}
