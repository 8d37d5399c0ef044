import { type HighlightColor, highlightColors } from '../../common/model.ts';

/** The colour a new highlight gets from "Add note" / N. */
export const defaultColor: HighlightColor = 'yellow';

/** What a key does while article text is selected; `confirm` (Enter) completes a re-attach. */
export type SelectionCommand =
  { kind: 'highlight'; color: HighlightColor } | { kind: 'note' } | { kind: 'confirm' } | { kind: 'cancel' };

/** What a key does while the article itself has focus. */
export type SurfaceCommand = 'next' | 'previous' | 'first' | 'last' | 'open' | 'escape';

/** The key that picks a colour, for hints and aria-keyshortcuts. */
export function keyForColor(color: HighlightColor): string {
  return String(highlightColors.indexOf(color) + 1);
}

function hasCommandModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}

/** Keys 1–5 (top row or keypad, so layouts needing Shift for digits still work), N, Enter and Escape. */
export function selectionCommandFor(event: KeyboardEvent): SelectionCommand | undefined {
  if (event.key === 'Escape') return { kind: 'cancel' };
  if (hasCommandModifier(event)) return undefined;
  if (event.key === 'Enter' && !event.shiftKey) return { kind: 'confirm' };
  const digit =
    /^(?:Digit|Numpad)([1-5])$/.exec(event.code)?.[1] ?? (/^[1-5]$/.test(event.key) ? event.key : undefined);
  if (digit) return { kind: 'highlight', color: highlightColors[Number(digit) - 1] as HighlightColor };
  if (event.key === 'n' || event.key === 'N') return { kind: 'note' };
  return undefined;
}

/**
 * Moving between highlights inside the focused article: ] and [ (or Alt+↓ / Alt+↑) step in document order,
 * Home/End with Alt jump to the ends, Enter or Space opens the focused highlight, Escape leaves it.
 * Tab is left alone so keyboard users can always leave the article.
 */
export function surfaceCommandFor(event: KeyboardEvent): SurfaceCommand | undefined {
  if (event.ctrlKey || event.metaKey) return undefined;
  if (event.altKey) {
    if (event.key === 'ArrowDown') return 'next';
    if (event.key === 'ArrowUp') return 'previous';
    if (event.key === 'Home') return 'first';
    if (event.key === 'End') return 'last';
    return undefined;
  }
  if (event.key === ']') return 'next';
  if (event.key === '[') return 'previous';
  if (event.key === 'Enter' || event.key === ' ') return 'open';
  if (event.key === 'Escape') return 'escape';
  return undefined;
}

/** True when a key event belongs to a text field and must not trigger shortcuts. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Whether the platform's command key is ⌘ (macOS) rather than Ctrl. */
export const usesMetaKey = /Mac|iPhone|iPad/.test(navigator.platform);

/** Whether the platform's command key (Ctrl, or ⌘ on macOS) is held, and not the other one. */
function commandHeld(event: KeyboardEvent): boolean {
  return usesMetaKey ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

/** The platform's command key (Ctrl, or ⌘ on macOS) and nothing else, with `letter`. */
function isCommandKey(event: KeyboardEvent, letter: string): boolean {
  return commandHeld(event) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === letter;
}

/** Ctrl+O (⌘O on macOS): open a file. */
export function isOpenFileShortcut(event: KeyboardEvent): boolean {
  return isCommandKey(event, 'o');
}

/** Ctrl+K (⌘K on macOS): search the library, from anywhere, even while typing a note. */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return isCommandKey(event, 'k');
}

/** Ctrl+L (⌘L on macOS): open a web page, as the same keys reach a browser's address bar. */
export function isWebPageShortcut(event: KeyboardEvent): boolean {
  return isCommandKey(event, 'l');
}

/** Ctrl+Z (⌘Z on macOS), without Shift (that is redo): undo what the window's notice reports (a deletion). */
export function isUndoShortcut(event: KeyboardEvent): boolean {
  return isCommandKey(event, 'z');
}

/**
 * Redo: ⇧⌘Z on macOS; Ctrl+Shift+Z elsewhere, and Ctrl+Y, Windows' own redo, which Linux editors accept too.
 */
export function isRedoShortcut(event: KeyboardEvent): boolean {
  if (!commandHeld(event) || event.altKey) return false;
  const key = event.key.toLowerCase();
  return (event.shiftKey && key === 'z') || (!usesMetaKey && !event.shiftKey && key === 'y');
}

/**
 * Ctrl+Shift+L (⇧⌘L on macOS): the library. Plain Ctrl+L opens a web page (a browser's address bar) and Ctrl/⌘+O
 * and K are taken here. Electron binds no Ctrl+Shift+L; one known overlap is macOS's optional Services item "Search
 * With Google" (⇧⌘L, offered while text is selected), which the header button avoids.
 */
export function isLibraryShortcut(event: KeyboardEvent): boolean {
  return commandHeld(event) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'l';
}

/**
 * Ctrl+Shift+A (⇧⌘A on macOS): every highlight in the library. Nothing else here uses it, nor do Electron's default
 * menus (⌘A alone is Select All); like ⇧⌘L it can meet a macOS Services item ("Search man Page Index in Terminal",
 * offered while text is selected), which the header button avoids.
 */
export function isAllHighlightsShortcut(event: KeyboardEvent): boolean {
  return commandHeld(event) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a';
}

/**
 * Ctrl+\ (⌘\ on macOS): show or hide the sidebar, as in Slack and Notion. By the character, not the key's place
 * (on ISO keyboards that place is #), and never with Alt: on Windows AltGr arrives as Ctrl+Alt, and AltGr+ß is how a
 * German keyboard types a backslash into a note.
 */
export function isSidebarShortcut(event: KeyboardEvent): boolean {
  return commandHeld(event) && !event.shiftKey && !event.altKey && event.key === '\\';
}

/** The sidebar shortcut as aria-keyshortcuts wants it, and as a label. */
export const sidebarKeys = usesMetaKey ? { aria: 'Meta+\\', label: '⌘\\' } : { aria: 'Control+\\', label: 'Ctrl+\\' };

/** The open-file shortcut as aria-keyshortcuts wants it, and as a label. */
export const openFileKeys = usesMetaKey ? { aria: 'Meta+O', label: '⌘O' } : { aria: 'Control+O', label: 'Ctrl+O' };

/** The search shortcut as aria-keyshortcuts wants it, and as a label. */
export const searchKeys = usesMetaKey ? { aria: 'Meta+K', label: '⌘K' } : { aria: 'Control+K', label: 'Ctrl+K' };

/** The library shortcut as aria-keyshortcuts wants it, and as a label. */
export const libraryKeys = usesMetaKey
  ? { aria: 'Meta+Shift+L', label: '⇧⌘L' }
  : { aria: 'Control+Shift+L', label: 'Ctrl+Shift+L' };

/** The all-highlights shortcut as aria-keyshortcuts wants it, and as a label. */
export const allHighlightsKeys = usesMetaKey
  ? { aria: 'Meta+Shift+A', label: '⇧⌘A' }
  : { aria: 'Control+Shift+A', label: 'Ctrl+Shift+A' };

/** The web-page shortcut as aria-keyshortcuts wants it, and as a label. */
export const webPageKeys = usesMetaKey ? { aria: 'Meta+L', label: '⌘L' } : { aria: 'Control+L', label: 'Ctrl+L' };

/** The undo shortcut as aria-keyshortcuts wants it. */
export const undoKeys = usesMetaKey ? { aria: 'Meta+Z', label: '⌘Z' } : { aria: 'Control+Z', label: 'Ctrl+Z' };
