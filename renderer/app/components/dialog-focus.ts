import type { FocusEvent, KeyboardEvent } from 'react';

/** What Tab can reach inside a dialog: its fields, menus and buttons, in document order. */
const stops = 'input, select, button:not([disabled])';

/**
 * Tab and Shift+Tab inside a modal dialog: from one field, menu or button to the next, wrapping at the ends, so
 * focus never leaves the dialog for the inert window behind it. Hidden and inert parts are skipped (the library's
 * list while its delete question is open), and so are controls taken out of the tab order (tabIndex -1).
 */
export function cycleTab(event: KeyboardEvent, dialog: HTMLElement | null): void {
  event.preventDefault();
  const reachable = [...(dialog?.querySelectorAll<HTMLElement>(stops) ?? [])].filter(
    (stop) => stop.tabIndex >= 0 && !stop.closest('[hidden], [inert]'),
  );
  const at = reachable.indexOf(document.activeElement as HTMLElement);
  const next = (at + (event.shiftKey ? -1 : 1) + reachable.length) % reachable.length;
  reachable[next]?.focus();
}

/**
 * The keys every modal dialog answers the same way: Escape closes it (and stops there: the reader's own Escape
 * handlers, re-attaching and the popover, are not meant), Tab cycles inside it. True when the key was one of these.
 */
export function dialogFrameKey(event: KeyboardEvent, dialog: HTMLElement | null, onClose: () => void): boolean {
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    onClose();
    return true;
  }
  if (event.key === 'Tab') {
    cycleTab(event, dialog);
    return true;
  }
  return false;
}

/**
 * A blur that leaves the dialog (a click on its background): focus goes back to `home` once the click is done.
 * `home` may be a function, asked then, for a dialog whose home changes (the library's delete question).
 */
export function keepFocusIn(
  event: FocusEvent,
  dialog: HTMLElement | null,
  home: HTMLElement | null | (() => HTMLElement | null),
): void {
  if (dialog?.contains(event.relatedTarget as Node | null)) return;
  requestAnimationFrame(() => {
    if (!dialog?.isConnected || dialog.contains(document.activeElement)) return;
    (typeof home === 'function' ? home() : home)?.focus({ preventScroll: true });
  });
}
