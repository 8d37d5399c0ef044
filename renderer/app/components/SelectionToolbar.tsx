import { type KeyboardEvent, useId, useRef } from 'react';

import { type HighlightColor, highlightColors } from '../../../common/model.ts';
import { keyForColor, selectionCommandFor } from '../keyboard.ts';
import { colorName, shorten } from '../text.ts';
import { useAnchoredPosition } from './use-anchored-position.ts';

/** Props of the selection toolbar. */
export interface SelectionToolbarProps {
  /** Where the selection is now. */
  selectionRect: () => DOMRect | undefined;
  /** Changes whenever the selection does, to re-place the toolbar. */
  version: unknown;
  /** While re-attaching a highlight, the toolbar offers only "Re-attach here" (Enter) and "Cancel" (Escape). */
  reattaching: boolean;
  /** When the selection reaches outside the article text (into the title), the part that will be used. */
  articleTextOnly?: string | undefined;
  onHighlight(color: HighlightColor): void;
  onAddNote(): void;
  onReattach(): void;
  onCancel(): void;
}

/**
 * The small toolbar beside a text selection: five colours (keys 1–5) and "Add note" (N), or, while a highlight is
 * being re-attached, "Re-attach here" (Enter). Pressing its buttons must not take the selection away, so mousedown
 * is cancelled; arrow keys move between buttons (ARIA toolbar pattern).
 */
export function SelectionToolbar(props: SelectionToolbarProps) {
  const { selectionRect, version, reattaching, articleTextOnly, onHighlight, onAddNote, onReattach, onCancel } = props;
  const ref = useRef<HTMLDivElement>(null);
  const noteId = useId();
  useAnchoredPosition(
    ref,
    selectionRect,
    'above',
    `${String(version)}:${String(reattaching)}:${articleTextOnly ?? ''}`,
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0 && at !== -1) {
      event.preventDefault();
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
      return;
    }
    const command = selectionCommandFor(event.nativeEvent);
    // Enter on a focused button presses that button.
    if (!command || command.kind === 'confirm') return;
    event.preventDefault();
    if (command.kind === 'cancel') onCancel();
    else if (reattaching) return;
    else if (command.kind === 'highlight') onHighlight(command.color);
    else onAddNote();
  };

  return (
    <div
      ref={ref}
      className="selection-toolbar"
      role="toolbar"
      aria-label={reattaching ? 'Re-attach highlight' : 'Highlight selection'}
      aria-describedby={articleTextOnly !== undefined ? noteId : undefined}
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={onKeyDown}
    >
      {articleTextOnly !== undefined && (
        <p id={noteId} className="toolbar-note">
          {reattaching ? 'Re-attaches to the article text only: ' : 'Highlights only the article text: '}
          <q className="toolbar-quote" dir="auto">
            {shorten(articleTextOnly, 48)}
          </q>
        </p>
      )}
      {reattaching ? (
        <>
          <button
            type="button"
            className="primary-button"
            aria-keyshortcuts="Enter"
            title="Re-attach here (Enter)"
            onClick={onReattach}
          >
            Re-attach here{' '}
            <kbd className="key-hint" aria-hidden="true">
              Enter
            </kbd>
          </button>
          <button
            type="button"
            className="text-button"
            aria-keyshortcuts="Escape"
            title="Cancel (Esc)"
            onClick={onCancel}
          >
            Cancel
          </button>
        </>
      ) : (
        <>
          {highlightColors.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch-button swatch-${color}`}
              aria-label={`Highlight ${color}`}
              aria-keyshortcuts={keyForColor(color)}
              title={`${colorName(color)} (${keyForColor(color)})`}
              onClick={() => onHighlight(color)}
            >
              <span className="swatch-dot" aria-hidden="true" />
              <kbd className="key-hint" aria-hidden="true">
                {keyForColor(color)}
              </kbd>
            </button>
          ))}
          <span className="toolbar-separator" aria-hidden="true" />
          <button type="button" className="text-button" aria-keyshortcuts="N" title="Add note (N)" onClick={onAddNote}>
            Add note{' '}
            <kbd className="key-hint" aria-hidden="true">
              N
            </kbd>
          </button>
        </>
      )}
    </div>
  );
}
