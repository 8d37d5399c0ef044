import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { ContextMenuRequest } from '../../common/commands.ts';
import { contextMenuTemplate, showContextMenu } from '../../electron/main/context-menu.ts';

const electron = vi.hoisted(() => ({
  popup: vi.fn(),
  buildFromTemplate: vi.fn(),
  writeText: vi.fn(),
}));
vi.mock('electron', () => ({
  Menu: { buildFromTemplate: electron.buildFromTemplate },
  clipboard: { writeText: electron.writeText },
}));

const selection: ContextMenuRequest = { kind: 'selection', cited: '“older than print”\n— On Marginalia' };
const highlight: ContextMenuRequest = {
  kind: 'highlight',
  color: 'green',
  text: 'older than print',
  cited: '“older than print”\n— On Marginalia\nmarginalia://open?article=1&highlight=x',
};

const summary = (template: MenuItemConstructorOptions[]) =>
  template.map((item) =>
    item.type === 'separator'
      ? '—'
      : [item.label, item.accelerator, item.registerAccelerator, item.type, item.checked].filter(
          (part) => part !== undefined,
        ),
  );

describe('context menus', () => {
  it('on a selection: the five colours with keys 1–5, Add note (N), Copy and Copy quote with citation', () => {
    expect(summary(contextMenuTemplate(selection, vi.fn()))).toEqual([
      ['Yellow', '1', false],
      ['Green', '2', false],
      ['Blue', '3', false],
      ['Pink', '4', false],
      ['Purple', '5', false],
      '—',
      ['Add note', 'N', false],
      '—',
      ['Copy'],
      ['Copy quote with citation'],
    ]);
  });

  it('on a highlight: its colour checked among the five, Edit note, the copies and Delete; each click names its item', () => {
    const chosen: string[] = [];
    const template = contextMenuTemplate(highlight, (choice) => chosen.push(choice));
    expect(summary(template)).toEqual([
      ['Yellow', '1', false, 'radio', false],
      ['Green', '2', false, 'radio', true],
      ['Blue', '3', false, 'radio', false],
      ['Pink', '4', false, 'radio', false],
      ['Purple', '5', false, 'radio', false],
      '—',
      ['Edit note'],
      '—',
      ['Copy'],
      ['Copy quote with citation'],
      '—',
      ['Delete highlight'],
    ]);
    template.forEach((item) => (item.click as (() => void) | undefined)?.());
    expect(chosen).toEqual([
      'color:yellow',
      'color:green',
      'color:blue',
      'color:pink',
      'color:purple',
      'note',
      'copy',
      'copy-quote',
      'delete',
    ]);
  });

  describe('shown over the window', () => {
    const window = { isDestroyed: () => false, webContents: { copy: vi.fn() } };
    /** The menu as built, for the test to click an item of or close. */
    let shown: { template: MenuItemConstructorOptions[]; callback: () => void };
    beforeEach(() => {
      vi.clearAllMocks();
      electron.buildFromTemplate.mockImplementation((template: MenuItemConstructorOptions[]) => ({
        popup: (options: { window: unknown; callback: () => void }) => {
          expect(options.window).toBe(window);
          shown = { template, callback: options.callback };
        },
      }));
    });
    const click = (label: string) =>
      (shown.template.find((item) => item.label === label)?.click as (() => void) | undefined)?.();
    const show = (request: ContextMenuRequest) =>
      showContextMenu(window as unknown as Parameters<typeof showContextMenu>[0], request);

    it('answers the item chosen, even when the menu reports closing before the click', async () => {
      const answer = show(highlight);
      shown.callback();
      click('Blue');
      await expect(answer).resolves.toBe('color:blue');
      expect(electron.writeText).not.toHaveBeenCalled();
    });

    it('answers null once it is dismissed', async () => {
      const answer = show(selection);
      shown.callback();
      await expect(answer).resolves.toBeNull();
    });

    it('copies: the quote with its citation, a highlight’s text, and a selection by the page’s own copy', async () => {
      let answer = show(highlight);
      click('Copy quote with citation');
      await expect(answer).resolves.toBe('copy-quote');
      expect(electron.writeText).toHaveBeenLastCalledWith(highlight.cited);

      answer = show(highlight);
      click('Copy');
      await expect(answer).resolves.toBe('copy');
      expect(electron.writeText).toHaveBeenLastCalledWith('older than print');

      answer = show(selection);
      click('Copy');
      await expect(answer).resolves.toBe('copy');
      expect(window.webContents.copy).toHaveBeenCalledOnce();
      expect(electron.writeText).toHaveBeenCalledTimes(2);
    });

    it('without a window shows nothing and answers null', async () => {
      await expect(showContextMenu(null, selection)).resolves.toBeNull();
      expect(electron.buildFromTemplate).not.toHaveBeenCalled();
    });
  });
});
