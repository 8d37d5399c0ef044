import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { type MenuCommand, menuCommands } from '../../common/commands.ts';
import { defaultSettings } from '../../common/model.ts';
import { type AppMenuState, appMenuTemplate, installAppMenu } from '../../electron/main/app-menu.ts';
import type { ZoomStep } from '../../electron/main/zoom.ts';

const electron = vi.hoisted(() => ({
  buildFromTemplate: vi.fn((template: unknown) => ({ built: template })),
  setApplicationMenu: vi.fn(),
}));
vi.mock('electron', () => ({
  Menu: { buildFromTemplate: electron.buildFromTemplate, setApplicationMenu: electron.setApplicationMenu },
}));

const settings = { theme: defaultSettings.theme, sidebarHidden: false };
const state = (platform: NodeJS.Platform, more: Partial<AppMenuState> = {}): AppMenuState => ({
  platform,
  packaged: true,
  settings,
  ...more,
});

/** The menu with its clicks recorded: commands sent to the page and zoom steps. */
function menuFor(menuState: AppMenuState) {
  const sent: MenuCommand[] = [];
  const zoomed: ZoomStep[] = [];
  const template = appMenuTemplate(menuState, { command: (c) => sent.push(c), zoom: (s) => zoomed.push(s) });
  const submenu = (label: string): MenuItemConstructorOptions[] =>
    (template.find((menu) => menu.label === label || menu.role === label)?.submenu ??
      []) as MenuItemConstructorOptions[];
  const item = (menu: string, label: string) => submenu(menu).find((entry) => entry.label === label);
  const click = (entry: MenuItemConstructorOptions | undefined) => (entry?.click as (() => void) | undefined)?.();
  return { template, submenu, item, click, sent, zoomed };
}

const topLevel = (template: MenuItemConstructorOptions[]) => template.map((menu) => menu.label ?? menu.role);

describe('the application menu', () => {
  it('on macOS starts with the app menu: about, services, hide, hide others, show all, quit', () => {
    const { template, submenu } = menuFor(state('darwin'));
    expect(topLevel(template)).toEqual(['Marginalia', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(submenu('Marginalia').map((entry) => entry.role ?? entry.type)).toEqual([
      'about',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(submenu('File').at(-1)).toEqual({ role: 'close' });
  });

  it.each(['win32', 'linux'] as const)('on %s has no app menu, and File ends with quit', (platform) => {
    const { template, submenu } = menuFor(state(platform));
    expect(topLevel(template)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(submenu('File').at(-1)).toEqual({ role: 'quit' });
    expect(submenu('help')).toEqual([{ role: 'about', label: 'About Marginalia' }]);
  });

  it.each(['darwin', 'win32', 'linux'] as const)(
    'on %s shows the page’s own keys without registering them, and sends the page its commands',
    (platform) => {
      const menu = menuFor(state(platform));
      const shown = (menuLabel: string, label: string) => {
        const entry = menu.item(menuLabel, label);
        return { accelerator: entry?.accelerator, registerAccelerator: entry?.registerAccelerator };
      };
      const pageKey = (accelerator: string) => ({ accelerator, registerAccelerator: false });
      expect(shown('File', 'Open…')).toEqual(pageKey('CmdOrCtrl+O'));
      expect(shown('File', 'Open Web Page…')).toEqual(pageKey('CmdOrCtrl+L'));
      expect(shown('File', 'Library')).toEqual(pageKey('CmdOrCtrl+Shift+L'));
      expect(shown('File', 'All Highlights')).toEqual(pageKey('CmdOrCtrl+Shift+A'));
      expect(shown('Edit', 'Undo')).toEqual(pageKey('CmdOrCtrl+Z'));
      expect(shown('Edit', 'Redo')).toEqual(pageKey(platform === 'darwin' ? 'Shift+Cmd+Z' : 'Ctrl+Y'));
      expect(shown('View', 'Search…')).toEqual(pageKey('CmdOrCtrl+K'));
      expect(shown('View', 'Sidebar')).toEqual(pageKey('CmdOrCtrl+\\'));

      for (const [menuLabel, label] of [
        ['File', 'Open…'],
        ['File', 'Open Web Page…'],
        ['File', 'Library'],
        ['File', 'All Highlights'],
        ['File', 'Export…'],
        ['File', 'Restore Backup…'],
        ['Edit', 'Undo'],
        ['Edit', 'Redo'],
        ['View', 'Search…'],
        ['View', 'Sidebar'],
      ] as const) {
        menu.click(menu.item(menuLabel, label));
      }
      expect(menu.sent).toEqual([
        'open-file',
        'open-web-page',
        'library',
        'all-highlights',
        'export',
        'restore-backup',
        'undo',
        'redo',
        'search',
        'toggle-sidebar',
      ]);
      expect(menu.sent.every((command) => menuCommands.includes(command))).toBe(true);
      expect(
        menu
          .submenu('Edit')
          .slice(3)
          .map((entry) => entry.role),
      ).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    },
  );

  it('registers the zoom keys (main’s own): + and =, −, 0 and the keypad’s, and zooms by them', () => {
    const menu = menuFor(state('linux'));
    const zoomItems = menu.submenu('View').filter((entry) => /^Zoom|^Actual/.test(entry.label ?? ''));
    expect(
      zoomItems.map(({ label, accelerator, registerAccelerator, visible }) => ({
        label,
        accelerator,
        registerAccelerator,
        visible,
      })),
    ).toEqual([
      { label: 'Zoom In', accelerator: 'CmdOrCtrl+Plus', registerAccelerator: undefined, visible: undefined },
      { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', registerAccelerator: undefined, visible: false },
      { label: 'Zoom In', accelerator: 'CmdOrCtrl+numadd', registerAccelerator: undefined, visible: false },
      { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', registerAccelerator: undefined, visible: undefined },
      { label: 'Zoom Out', accelerator: 'CmdOrCtrl+numsub', registerAccelerator: undefined, visible: false },
      { label: 'Actual Size', accelerator: 'CmdOrCtrl+0', registerAccelerator: undefined, visible: undefined },
      { label: 'Actual Size', accelerator: 'CmdOrCtrl+num0', registerAccelerator: undefined, visible: false },
    ]);
    zoomItems.forEach((entry) => menu.click(entry));
    expect(menu.zoomed).toEqual(['in', 'in', 'in', 'out', 'out', 'reset', 'reset']);
    expect(menu.sent).toEqual([]);
    expect(menu.submenu('View').some((entry) => entry.role === 'togglefullscreen')).toBe(true);
  });

  it('shows the sidebar as a checkbox and the theme as radio items, as the settings are', () => {
    const shown = menuFor(state('win32'));
    expect(shown.item('View', 'Sidebar')).toMatchObject({ type: 'checkbox', checked: true });
    const themes = (shown.item('View', 'Theme')?.submenu ?? []) as MenuItemConstructorOptions[];
    expect(themes.map(({ label, type, checked }) => ({ label, type, checked }))).toEqual([
      { label: 'System', type: 'radio', checked: true },
      { label: 'Light', type: 'radio', checked: false },
      { label: 'Dark', type: 'radio', checked: false },
      { label: 'Sepia', type: 'radio', checked: false },
    ]);
    themes.forEach((entry) => shown.click(entry));
    expect(shown.sent).toEqual(['theme:system', 'theme:light', 'theme:dark', 'theme:sepia']);

    const hiddenSepia = menuFor(state('win32', { settings: { theme: 'sepia', sidebarHidden: true } }));
    expect(hiddenSepia.item('View', 'Sidebar')?.checked).toBe(false);
    const sepia = (hiddenSepia.item('View', 'Theme')?.submenu ?? []) as MenuItemConstructorOptions[];
    expect(sepia.filter((entry) => entry.checked).map((entry) => entry.label)).toEqual(['Sepia']);
  });

  it('has the developer tools only when not packaged', () => {
    const roles = (menuState: AppMenuState) =>
      menuFor(menuState)
        .submenu('View')
        .map((entry) => entry.role);
    expect(roles(state('darwin', { packaged: true }))).not.toContain('toggleDevTools');
    expect(roles(state('linux', { packaged: true }))).not.toContain('toggleDevTools');
    expect(roles(state('darwin', { packaged: false }))).toContain('toggleDevTools');
    expect(roles(state('win32', { packaged: false }))).toContain('toggleDevTools');
  });

  it('is installed as the application’s menu, built from the template', () => {
    installAppMenu(state('linux'), { command: vi.fn(), zoom: vi.fn() });
    const [template] = electron.buildFromTemplate.mock.calls[0] as [MenuItemConstructorOptions[]];
    expect(topLevel(template)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(electron.setApplicationMenu).toHaveBeenCalledExactlyOnceWith({ built: template });
  });
});
