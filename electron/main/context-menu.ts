import { type BrowserWindow, clipboard, Menu, type MenuItemConstructorOptions } from 'electron';

import { type ContextMenuChoice, contextMenuLayout, type ContextMenuRequest } from '../../common/commands.ts';

/**
 * How long a closed menu waits for its item's click before answering "dismissed". Electron calls popup's `callback`
 * when the menu closes, and the click of the chosen item may come just after it (macOS posts the close as a task of
 * its own), so closing alone does not yet mean nothing was chosen.
 */
const clickAfterClose = 100;

/** The native menu for a context-menu request (common/commands.ts lays it out); `choose` gets the item picked. */
export function contextMenuTemplate(
  request: ContextMenuRequest,
  choose: (choice: ContextMenuChoice) => void,
): MenuItemConstructorOptions[] {
  return contextMenuLayout(request).map((item): MenuItemConstructorOptions => {
    if (item === 'separator') return { type: 'separator' };
    return {
      label: item.label,
      ...(item.checked === undefined ? {} : { type: 'radio', checked: item.checked }),
      // The article's own key for the same (1–5, N), shown only: it is the page's, never the menu's.
      ...(item.key ? { accelerator: item.key, registerAccelerator: false } : {}),
      click: () => choose(item.id),
    };
  });
}

/**
 * Shows the context menu over `window` at the pointer; resolves with the item chosen, or null once it is dismissed.
 * A copy item is done here, before the answer: the page cannot write the clipboard (it has no permission), so main
 * writes what the request carries, and a selection's Copy is the page's own copy command (webContents.copy, as
 * Ctrl/⌘+C: the selection as it is, formatting included).
 */
export function showContextMenu(
  window: BrowserWindow | null,
  request: ContextMenuRequest,
): Promise<ContextMenuChoice | null> {
  if (!window || window.isDestroyed()) return Promise.resolve(null);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (choice: ContextMenuChoice | null) => {
      if (settled) return;
      settled = true;
      if (choice === 'copy-quote') clipboard.writeText(request.cited);
      else if (choice === 'copy' && request.kind === 'highlight') clipboard.writeText(request.text);
      else if (choice === 'copy') window.webContents.copy();
      resolve(choice);
    };
    Menu.buildFromTemplate(contextMenuTemplate(request, settle)).popup({
      window,
      callback: () => setTimeout(() => settle(null), clickAfterClose),
    });
  });
}
