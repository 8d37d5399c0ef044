import { type RefObject, useLayoutEffect } from 'react';

const gap = 8;
const edge = 8;

/** Where a floating element goes relative to its target, if there is room. */
export type Side = 'above' | 'below' | 'left';

/**
 * Places a `position: fixed` element above or below a target box, flipping when there is no room, inside the
 * window; or to its left (top edges aligned, kept inside the window), falling back to below when that is too narrow.
 */
export function placeNear(element: HTMLElement, target: DOMRect | undefined, prefer: Side): void {
  if (!target) {
    element.style.visibility = 'hidden';
    return;
  }
  const { width, height } = element.getBoundingClientRect();
  if (prefer === 'left' && target.left - gap - width >= edge) {
    const top = Math.min(Math.max(target.top, edge), Math.max(edge, window.innerHeight - height - edge));
    element.style.top = `${Math.round(top)}px`;
    element.style.left = `${Math.round(target.left - gap - width)}px`;
    element.style.visibility = 'visible';
    return;
  }
  const roomAbove = target.top - gap - height >= edge;
  const roomBelow = target.bottom + gap + height <= window.innerHeight - edge;
  const above = prefer === 'above' ? roomAbove || !roomBelow : !roomBelow && roomAbove;
  const top = above ? target.top - gap - height : target.bottom + gap;
  const centred = target.left + target.width / 2 - width / 2;
  const left = Math.min(Math.max(centred, edge), Math.max(edge, window.innerWidth - width - edge));
  element.style.top = `${Math.round(top)}px`;
  element.style.left = `${Math.round(left)}px`;
  element.style.visibility = 'visible';
}

/**
 * Keeps a floating element next to a moving target (a selection, a highlight), re-placed on scroll and resize.
 * It writes the element's style directly so scrolling causes no React renders; `version` re-places it when the
 * target itself changes.
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
    const place = () => placeNear(element, targetRect(), prefer);
    place();
    window.addEventListener('scroll', place, { capture: true, passive: true });
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
    };
  }, [floating, targetRect, prefer, version]);
}
