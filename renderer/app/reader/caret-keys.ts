/**
 * Which key moves the caret how, in caret mode (F7): pure, so the whole map is testable without a page. The DOM
 * work that carries a move out is caret-mode.ts's.
 */

/** The keys of an event this map reads. */
export type CaretKey = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>;

/**
 * One caret move, in `Selection.modify`'s terms: `move` collapses the selection to the moved caret, `extend` moves
 * only its focus end (Shift held). Left and right are visual, so → goes right in Hebrew text too; a line and its
 * ends are logical. `article` is the start or end of the article text (Ctrl+Home/End), which `modify` cannot
 * reach in read-only text without running into the title or past the end.
 */
export interface CaretMove {
  readonly alter: 'move' | 'extend';
  readonly direction: 'left' | 'right' | 'forward' | 'backward';
  readonly granularity: 'character' | 'word' | 'line' | 'lineboundary' | 'article';
}

/** F7, as in browsers' caret browsing, alone: turns caret mode on or off. */
export function isCaretModeToggle(event: CaretKey): boolean {
  return event.key === 'F7' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey;
}

type Step = Pick<CaretMove, 'direction' | 'granularity'>;

/**
 * The caret move for a key, or undefined for any other key, which keeps its meaning (1–5, N, ] and [, Tab).
 * As in each platform's text fields: arrows by character and line, Home/End to the line's ends; by word with Ctrl
 * (⌥ on macOS); Ctrl+Home/End (⌘↑/↓ on macOS) to the start or end of the article text, and ⌘←/→ to the line's
 * ends on macOS. Alt+↑/↓ and Alt+Home/End are not here: they keep stepping between highlights, as with caret mode
 * off (on macOS ⌥↑/↓ would be paragraph movement, which the reader does not offer).
 */
export function caretMoveFor(event: CaretKey, mac: boolean): CaretMove | undefined {
  const step = mac ? macStep(event) : otherStep(event);
  return step && { alter: event.shiftKey ? 'extend' : 'move', ...step };
}

function plainStep(key: string): Step | undefined {
  if (key === 'ArrowLeft') return { direction: 'left', granularity: 'character' };
  if (key === 'ArrowRight') return { direction: 'right', granularity: 'character' };
  if (key === 'ArrowUp') return { direction: 'backward', granularity: 'line' };
  if (key === 'ArrowDown') return { direction: 'forward', granularity: 'line' };
  if (key === 'Home') return { direction: 'backward', granularity: 'lineboundary' };
  if (key === 'End') return { direction: 'forward', granularity: 'lineboundary' };
  return undefined;
}

function otherStep({ key, ctrlKey, altKey, metaKey }: CaretKey): Step | undefined {
  if (altKey || metaKey) return undefined;
  if (!ctrlKey) return plainStep(key);
  if (key === 'ArrowLeft') return { direction: 'left', granularity: 'word' };
  if (key === 'ArrowRight') return { direction: 'right', granularity: 'word' };
  if (key === 'Home') return { direction: 'backward', granularity: 'article' };
  if (key === 'End') return { direction: 'forward', granularity: 'article' };
  return undefined;
}

function macStep({ key, ctrlKey, altKey, metaKey }: CaretKey): Step | undefined {
  if (ctrlKey || (altKey && metaKey)) return undefined;
  if (altKey) {
    if (key === 'ArrowLeft') return { direction: 'left', granularity: 'word' };
    if (key === 'ArrowRight') return { direction: 'right', granularity: 'word' };
    return undefined;
  }
  if (metaKey) {
    if (key === 'ArrowLeft') return { direction: 'backward', granularity: 'lineboundary' };
    if (key === 'ArrowRight') return { direction: 'forward', granularity: 'lineboundary' };
    if (key === 'ArrowUp') return { direction: 'backward', granularity: 'article' };
    if (key === 'ArrowDown') return { direction: 'forward', granularity: 'article' };
    return undefined;
  }
  return plainStep(key);
}
