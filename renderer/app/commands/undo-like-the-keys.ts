import { isTyping, usesMetaKey } from '../keyboard.ts';

/**
 * The menu's Undo or Redo, run as its keys run: the key itself (Ctrl/⌘+Z, Ctrl/⌘+Shift+Z) is replayed where focus
 * is, so the window's key handler decides as it does for the keys (the notice's Undo, the app's history, nothing
 * behind a dialog), and when no handler took it in a text field, that field does its own undo, as the browser does
 * for an unhandled key. One set of rules for the keys and the menu, kept in App's key handler.
 *
 * On macOS the menu runs only for keys the page left unhandled (electron/main/app-menu.ts): a real ⌘Z in a text
 * field comes here once, and is the field's undo once.
 */
export function undoLikeTheKeys(redo: boolean): void {
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
  const key = new KeyboardEvent('keydown', {
    key: redo ? 'Z' : 'z',
    code: 'KeyZ',
    shiftKey: redo,
    ctrlKey: !usesMetaKey,
    metaKey: usesMetaKey,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  const handled = !focused.dispatchEvent(key);
  // execCommand is deprecated, yet it is still the only way to reach a field's own undo stack from script.
  if (!handled && isTyping(key)) document.execCommand(redo ? 'redo' : 'undo');
}
