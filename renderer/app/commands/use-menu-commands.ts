import { useEffect, useRef } from 'react';

import type { MenuCommand } from '../../../common/commands.ts';
import type { ThemeChoice } from '../../../common/model.ts';
import { undoLikeTheKeys } from './undo-like-the-keys.ts';

declare global {
  interface Window {
    /** The application menu's commands, from the preload (electron/preload/index.ts); absent without it. */
    readonly marginaliaMenu?: {
      /** Calls `listener` with each command the menu sends; returns the unsubscribe. */
      onCommand(listener: (command: MenuCommand) => void): () => void;
    };
  }
}

/** What the window does for each menu command: what its header buttons and keys do. */
export interface MenuCommandActions {
  openFile(): void;
  openWebPage(): void;
  openLibrary(): void;
  openAllHighlights(): void;
  openExport(): void;
  openBackups(): void;
  openSearch(): void;
  toggleSidebar(): void;
  changeTheme(theme: ThemeChoice): void;
}

/** Runs one menu command. */
function runMenuCommand(command: MenuCommand, actions: MenuCommandActions): void {
  switch (command) {
    case 'open-file':
      return actions.openFile();
    case 'open-web-page':
      return actions.openWebPage();
    case 'library':
      return actions.openLibrary();
    case 'all-highlights':
      return actions.openAllHighlights();
    case 'export':
      return actions.openExport();
    case 'restore-backup':
      return actions.openBackups();
    case 'search':
      return actions.openSearch();
    case 'toggle-sidebar':
      return actions.toggleSidebar();
    case 'undo':
    case 'redo':
      return undoLikeTheKeys(command === 'redo');
    case 'theme:system':
    case 'theme:light':
    case 'theme:dark':
    case 'theme:sepia':
      return actions.changeTheme(command.slice('theme:'.length) as ThemeChoice);
  }
}

/**
 * The application menu's commands (main's menu, through the preload's `window.marginaliaMenu`), each run as the
 * header button or key for it runs. Without the preload (the page on its own) there is nothing to listen to.
 */
export function useMenuCommands(actions: MenuCommandActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => window.marginaliaMenu?.onCommand((command) => runMenuCommand(command, latest.current)), []);
}
