import { type KeyboardEvent, type PointerEvent, useRef } from 'react';

import { settingRanges } from '../../../common/model.ts';

/** Props of the handle between the text and the sidebar. */
export interface SidebarSplitterProps {
  /** The sidebar's width as the user set it. */
  width: number;
  /** The width while it is being dragged: shown at once, not yet kept. */
  onPreview(width: number): void;
  /** The width the user settled on (a drag ended, a key pressed): to be kept. */
  onResize(width: number): void;
  /** The sidebar's id, which the handle controls. */
  controls: string;
}

const { min, max } = settingRanges.sidebarWidth;
/** How far one arrow key moves the handle; Shift moves it further. */
const keyStep = 16;

function clamped(width: number): number {
  return Math.round(Math.min(max, Math.max(min, width)));
}

/**
 * The handle on the sidebar's inner edge (WAI-ARIA's window splitter): dragged with a mouse or a pen, or, once
 * focused with Tab, moved with ← and → (with Shift, further), Home and End. Moving it left widens the sidebar. A drag
 * shows each width at once and keeps only the last one, so the library is written to once per drag.
 */
export function SidebarSplitter({ width, onPreview, onResize, controls }: SidebarSplitterProps) {
  const drag = useRef<{ startX: number; startWidth: number; width: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    // No text selection while dragging; the handle takes focus, as a click would give it, so the keys work next.
    event.preventDefault();
    event.currentTarget.focus();
    // Captured, so the drag goes on when the pointer leaves the thin handle. (A pointer the browser no longer tracks
    // cannot be: the drag then follows it while it is over the handle.)
    try {
      event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // See above.
    }
    drag.current = { startX: event.clientX, startWidth: width, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const dragging = drag.current;
    if (!dragging) return;
    dragging.width = clamped(dragging.startWidth + dragging.startX - event.clientX);
    onPreview(dragging.width);
  };
  const onPointerEnd = () => {
    const dragging = drag.current;
    drag.current = null;
    if (dragging && dragging.width !== dragging.startWidth) onResize(dragging.width);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? keyStep * 4 : keyStep;
    const next =
      event.key === 'ArrowLeft'
        ? width + step
        : event.key === 'ArrowRight'
          ? width - step
          : event.key === 'Home'
            ? min
            : event.key === 'End'
              ? max
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    if (clamped(next) !== width) onResize(clamped(next));
  };

  return (
    <div
      className="sidebar-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Sidebar width"
      aria-controls={controls}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={width}
      aria-valuetext={`${width} px`}
      title="Drag, or use ← and →, to make the sidebar wider or narrower"
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onKeyDown={onKeyDown}
    />
  );
}
