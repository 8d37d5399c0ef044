import '../../styles/caret.css';

/** Props of the caret mode hint. */
export interface CaretModeHintProps {
  onLeave(): void;
}

/**
 * The line under the article while caret mode (F7) is on: that it is on, which keys do what, and a way out. Screen
 * readers hear the same through the live region as the mode changes, so the line itself is not announced again.
 */
export function CaretModeHint({ onLeave }: CaretModeHintProps) {
  return (
    <div className="caret-mode-hint">
      <p>
        <strong>Caret mode</strong>: arrow keys move, Shift+arrows select, then 1–5 highlight and N adds a note.
      </p>
      <button type="button" className="text-button" aria-keyshortcuts="F7" onClick={onLeave}>
        Turn off{' '}
        <kbd className="key-hint" aria-hidden="true">
          F7
        </kbd>
      </button>
    </div>
  );
}
