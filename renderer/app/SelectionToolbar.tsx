import { type KeyboardEvent, useRef } from 'react';

import type { HighlightColor } from '../../electron/ipc/contract.ts';
import { colors, keyForColor, selectionCommandFor } from './keyboard.ts';
import { colorName } from './text.ts';
import { useAnchoredPosition } from './use-anchored-position.ts';

/** Props of the selection toolbar. */
export interface SelectionToolbarProps {
  /** Where the selection is now. */
  selectionRect: () => DOMRect | undefined;
  /** Changes whenever the selection does, to re-place the toolbar. */
  version: unknown;
  onHighlight(color: HighlightColor): void;
  onAddNote(): void;
  onCancel(): void;
}

/**
 * The small toolbar beside a text selection: five colours (keys 1–5) and "Add note" (N). Pressing its buttons must
 * not take the selection away, so mousedown is cancelled; arrow keys move between buttons (ARIA toolbar pattern).
 */
export function SelectionToolbar({ selectionRect, version, onHighlight, onAddNote, onCancel }: SelectionToolbarProps) {
  const ref = useRef<HTMLDivElement>(null);
  useAnchoredPosition(ref, selectionRect, 'above', version);

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
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'highlight') onHighlight(command.color);
    else if (command.kind === 'note') onAddNote();
    else onCancel();
  };

  return (
    <div
      ref={ref}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Highlight selection"
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={onKeyDown}
    >
      {colors.map((color) => (
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
        Add note <kbd className="key-hint" aria-hidden="true">N</kbd>
      </button>
    </div>
  );
}
