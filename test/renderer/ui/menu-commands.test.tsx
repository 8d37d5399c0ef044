import { act } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { MenuCommand } from '../../../common/commands.ts';
import { FakeApi } from './fake-api.ts';
import { cleanup, clickText, paintedCount, renderApp, renderWithOneHighlight } from './harness.tsx';

/** The preload's `marginaliaMenu`, stood in for: main's application menu sending the page a command. */
const listeners = new Set<(command: MenuCommand) => void>();
const fromMenu = (command: MenuCommand) => act(() => listeners.forEach((listener) => listener(command)));

beforeEach(async () => {
  await page.viewport(1100, 700);
  Object.defineProperty(window, 'marginaliaMenu', {
    value: {
      onCommand: (listener: (command: MenuCommand) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    configurable: true,
  });
});
afterEach(() => {
  cleanup();
  listeners.clear();
  Reflect.deleteProperty(window, 'marginaliaMenu');
});

const sidebar = (host: HTMLElement) => host.querySelector<HTMLElement>('.sidebar-column')!;

describe('commands from the application menu', () => {
  test('toggle-sidebar hides the sidebar and main keeps it; again brings it back', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    expect(sidebar(m.host).checkVisibility()).toBe(true);
    await fromMenu('toggle-sidebar');
    await vi.waitFor(() => expect(sidebar(m.host).checkVisibility()).toBe(false));
    await vi.waitFor(() => expect(fake.settings.sidebarHidden).toBe(true));
    await fromMenu('toggle-sidebar');
    await vi.waitFor(() => expect(sidebar(m.host).checkVisibility()).toBe(true));
  });

  test('a theme is chosen as in the header, and the dialogs open as their keys open them', async () => {
    const fake = new FakeApi();
    await renderApp(fake);
    await fromMenu('theme:sepia');
    await vi.waitFor(() => expect(document.documentElement.dataset['theme']).toBe('sepia'));
    await vi.waitFor(() => expect(fake.settings.theme).toBe('sepia'));
    await fromMenu('search');
    await expect.element(page.getByRole('dialog', { name: /search/i })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await fromMenu('restore-backup');
    await expect.element(page.getByRole('dialog', { name: /backup/i })).toBeVisible();
  });

  test('Undo undoes the latest change, Redo does it again, as Ctrl+Z and Ctrl+Shift+Z do', async () => {
    const { m } = await renderWithOneHighlight('The habit is older than print.');
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Delete highlight' }));
    await vi.waitFor(() => expect(paintedCount('marginalia-yellow')).toBe(0));
    await fromMenu('undo');
    await vi.waitFor(() => expect(paintedCount('marginalia-yellow')).toBe(1));
    await fromMenu('redo');
    await vi.waitFor(() => expect(paintedCount('marginalia-yellow')).toBe(0));
  });

  test('Undo in a text field is that field’s own undo, and leaves the highlights alone', async () => {
    const { m } = await renderWithOneHighlight('The habit is older than print.');
    clickText(m, 'older than');
    const note = page.getByRole('textbox', { name: 'Note' });
    await userEvent.click(note);
    await userEvent.keyboard('margin');
    await expect.element(note).toHaveValue('margin');
    // As the field's own Ctrl+Z does here: each key typed through the test's keyboard is an undo step of its own.
    await fromMenu('undo');
    await expect.element(note).toHaveValue('margi');
    expect(paintedCount('marginalia-yellow')).toBe(1);
    await fromMenu('redo');
    await expect.element(note).toHaveValue('margin');
  });
});
