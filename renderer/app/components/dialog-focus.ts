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

/** A blur that leaves the dialog (a click on its background): focus goes back to `home` once the click is done. */
export function keepFocusIn(event: FocusEvent, dialog: HTMLElement | null, home: HTMLElement | null): void {
  if (dialog?.contains(event.relatedTarget as Node | null)) return;
  requestAnimationFrame(() => {
    if (dialog?.isConnected && !dialog.contains(document.activeElement)) home?.focus({ preventScroll: true });
  });
}
