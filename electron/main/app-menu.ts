import { Menu, type MenuItemConstructorOptions } from 'electron';

import type { MenuCommand } from '../../common/commands.ts';
import { type Settings, type ThemeChoice, themeChoices } from '../../common/model.ts';
import type { ZoomStep } from './zoom.ts';

/**
 * The application menu: the platform's standard items (roles) and the app's own commands, with their shortcuts.
 *
 * Keys and the menu, so no shortcut runs twice:
 * - The page handles the app's own keys itself (renderer/app/keyboard.ts: Ctrl/⌘ O, L, K, Shift+L, Shift+A, Z,
 *   Shift+Z/Y, \) and must go on doing so. Their menu items only show the key: `registerAccelerator: false`, which
 *   Electron documents for Windows and Linux as "the accelerator won't be registered with the system, but it will
 *   still be displayed". A registered one would be the window's, run by the menu as well as by the page.
 * - macOS has no such option (MenuItem docs: registerAccelerator is linux,win32 only), and needs none: a key
 *   equivalent goes to the focused page first, and reaches the main menu only when the page did not handle it.
 *   Chromium's RenderWidgetHostViewCocoa performKeyEquivalent: hands the key to the renderer and returns YES, and
 *   Electron performs the menu's key equivalent from its unhandled-keyboard-event path
 *   (electron_api_web_contents_mac.mm, `[[NSApp mainMenu] performKeyEquivalent:]`); Electron issue #19279 (a key
 *   stopped before the page never reaches the menu) shows the same order. The page's handlers call preventDefault
 *   for every key they act on, so the menu runs only the keys the page left alone: ⌘Z in a text field, which the
 *   menu's Undo then sends back as the field's own undo (renderer/app/commands/menu-commands.ts), and the zoom keys.
 * - Zoom is main's (./zoom.ts), so Zoom In, Zoom Out and Actual Size do register their keys everywhere; the page has
 *   no zoom keys of its own, in a text field or not. Zoom In answers both Ctrl/⌘ + and =, the second (and the
 *   keypad's) from hidden items: Windows and Linux run a hidden item's accelerator, and macOS does while
 *   `acceleratorWorksWhenHidden` is left at its default, true (Electron issue #7737 is the older behaviour).
 */

/** What the menu shows that can change: the platform, a packaged build or not, and the settings it reflects. */
export interface AppMenuState {
  readonly platform: NodeJS.Platform;
  /** A packaged app has no developer tools in its menu. */
  readonly packaged: boolean;
  readonly settings: Pick<Settings, 'theme' | 'sidebarHidden'>;
}

/** What the menu's own items do: send the page a command, or zoom the window. */
export interface AppMenuActions {
  command(command: MenuCommand): void;
  zoom(step: ZoomStep): void;
}

const themeLabels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark', sepia: 'Sepia' };

/** The application menu for a platform and the current settings, as a template (no Electron needed to build it). */
export function appMenuTemplate(state: AppMenuState, actions: AppMenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  /** An item for one of the page's commands, showing the page's own key without taking it (see above). */
  const pageCommand = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => actions.command(command),
  });
  const zoomItem = (
    label: string,
    step: ZoomStep,
    accelerator: string,
    visible = true,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    ...(visible ? {} : { visible: false }),
    click: () => actions.zoom(step),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: 'Marginalia',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      pageCommand('Open…', 'open-file', 'CmdOrCtrl+O'),
      pageCommand('Open Web Page…', 'open-web-page', 'CmdOrCtrl+L'),
      { type: 'separator' },
      pageCommand('Library', 'library', 'CmdOrCtrl+Shift+L'),
      pageCommand('All Highlights', 'all-highlights', 'CmdOrCtrl+Shift+A'),
      { type: 'separator' },
      pageCommand('Export…', 'export'),
      pageCommand('Restore Backup…', 'restore-backup'),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      pageCommand('Undo', 'undo', 'CmdOrCtrl+Z'),
      pageCommand('Redo', 'redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      pageCommand('Search…', 'search', 'CmdOrCtrl+K'),
      {
        label: 'Sidebar',
        type: 'checkbox',
        checked: !state.settings.sidebarHidden,
        accelerator: 'CmdOrCtrl+\\',
        registerAccelerator: false,
        click: () => actions.command('toggle-sidebar'),
      },
      {
        label: 'Theme',
        submenu: themeChoices.map((theme) => ({
          label: themeLabels[theme],
          type: 'radio' as const,
          checked: state.settings.theme === theme,
          click: () => actions.command(`theme:${theme}`),
        })),
      },
      { type: 'separator' },
      zoomItem('Zoom In', 'in', 'CmdOrCtrl+Plus'),
      zoomItem('Zoom In', 'in', 'CmdOrCtrl+=', false),
      zoomItem('Zoom In', 'in', 'CmdOrCtrl+numadd', false),
      zoomItem('Zoom Out', 'out', 'CmdOrCtrl+-'),
      zoomItem('Zoom Out', 'out', 'CmdOrCtrl+numsub', false),
      zoomItem('Actual Size', 'reset', 'CmdOrCtrl+0'),
      zoomItem('Actual Size', 'reset', 'CmdOrCtrl+num0', false),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(state.packaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
    ],
  };
  // No links: the app names no web site of its own to send the user to.
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ role: 'about', label: 'About Marginalia' }] };
  return [...(mac ? [appMenu] : []), file, edit, view, { role: 'windowMenu' }, help];
}

/** Makes the menu the application's (built again whenever what it shows changes). */
export function installAppMenu(state: AppMenuState, actions: AppMenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(state, actions)));
}
