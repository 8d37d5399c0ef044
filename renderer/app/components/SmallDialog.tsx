import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

import { dialogFrameKey } from './dialog-focus.ts';

/** Props of a small modal dialog's frame. */
export interface SmallDialogProps {
  /** The heading, which also names the dialog. */
  title: string;
  /** Work in progress (aria-busy). */
  busy?: boolean;
  /** Escape, a click outside: close and give focus back. Not called while `locked`. */
  onClose(): void;
  /** While true (main is restoring a backup, say) Escape and a click outside do nothing. */
  locked?: boolean;
  /** Keys for the dialog's own use first; one it handles (preventDefault) goes no further. */
  onKeyDown?(event: KeyboardEvent): void;
  /**
   * At the window's side with no dimming behind it, for a dialog whose changes the user watches happen on the page
   * (the text settings).
   */
  beside?: boolean;
  children: ReactNode;
}

/**
 * The frame of the small modal dialogs (Open web page, Export, Backups): the backdrop that closes it when clicked,
 * the dialog with its heading as its name, and the keys every dialog answers alike (dialogFrameKey: Escape closes,
 * Tab stays inside).
 */
export function SmallDialog(props: SmallDialogProps) {
  const { title, busy = false, onClose, locked = false, onKeyDown, beside = false, children } = props;
  const dialog = useRef<HTMLDivElement>(null);
  const id = useId();
  // Focus goes into the dialog as it opens, onto the dialog itself when none of its controls took it (Backups while
  // its list loads): left on the header button, now inert, it would fall to the page, out of Escape's and Tab's reach.
  useEffect(() => {
    const frame = dialog.current;
    if (frame && !frame.contains(document.activeElement)) frame.focus({ preventScroll: true });
  }, []);
  return (
    <div
      className={beside ? 'search-backdrop is-beside' : 'search-backdrop'}
      onMouseDown={(e) => e.target === e.currentTarget && !locked && onClose()}
    >
      <div
        ref={dialog}
        className="search-dialog web-dialog"
        role="dialog"
        tabIndex={-1}
        aria-modal="true"
        aria-labelledby={`${id}-heading`}
        aria-busy={busy || undefined}
        onKeyDown={(event) => {
          onKeyDown?.(event);
          if (event.defaultPrevented) return;
          if (locked && event.key === 'Escape') event.preventDefault();
          else dialogFrameKey(event, dialog.current, onClose);
        }}
      >
        <h2 id={`${id}-heading`} className="library-heading">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

/** Whether the component is still on screen: an answer that comes after it closed is not shown. */
export function useStillShown(): { readonly current: boolean } {
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);
  return shown;
}
