import { afterEach, describe, expect, test, vi } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import { cleanup, renderApp } from './harness.tsx';

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset['theme'];
  delete document.documentElement.dataset['settings'];
});

const picker = () => page.getByRole('combobox', { name: 'Theme' });
const shown = () => document.documentElement.dataset['theme'];
const paper = () => getComputedStyle(document.body).backgroundColor;

describe('the theme picker', () => {
  test('starts on System, showing the OS’s theme; choosing Sepia shows it at once and has main keep it', async () => {
    const fake = new FakeApi();
    await renderApp(fake);
    await expect.element(picker()).toHaveValue('system');
    expect(shown()).toBe(matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    await userEvent.selectOptions(picker(), 'Sepia');
    expect(shown()).toBe('sepia');
    expect(paper()).toBe('rgb(244, 236, 216)');
    await vi.waitFor(() => expect(fake.settings.theme).toBe('sepia'));
    expect(fake.callsTo('settings.set')).toEqual([{ theme: 'sepia' }]);
    await userEvent.selectOptions(picker(), 'Dark');
    expect(paper()).toBe('rgb(27, 26, 24)');
  });

  test('opens on the theme main kept', async () => {
    const fake = new FakeApi();
    fake.settings.theme = 'dark';
    await renderApp(fake);
    await expect.element(picker()).toHaveValue('dark');
    expect(shown()).toBe('dark');
  });

  test('a theme main cannot keep goes back to the one before, and says why', async () => {
    const fake = new FakeApi();
    await renderApp(fake);
    await userEvent.selectOptions(picker(), 'Light');
    await vi.waitFor(() => expect(fake.settings.theme).toBe('light'));
    fake.failNext('settings.set', 'The disk is full: free some space and try again.', 'disk-full');
    await userEvent.selectOptions(picker(), 'Sepia');
    await expect.element(picker()).toHaveValue('light');
    expect(shown()).toBe('light');
    await expect
      .poll(() => document.querySelector('.notice-row .is-error')?.textContent ?? '')
      .toContain('Couldn’t keep that setting: The disk is full');
  });

  test('a refused change does not undo a later one: Sepia refused, then Dark kept, shows Dark', async () => {
    const fake = new FakeApi();
    await renderApp(fake);
    fake.hold();
    fake.failNext('settings.set', 'The disk is full: free some space and try again.', 'disk-full');
    await userEvent.selectOptions(picker(), 'Sepia');
    await userEvent.selectOptions(picker(), 'Dark');
    fake.release();
    await vi.waitFor(() => expect(fake.settings.theme).toBe('dark'));
    await expect.poll(() => document.querySelector('.notice-row .is-error')?.textContent ?? '').toContain('disk');
    await expect.element(picker()).toHaveValue('dark');
    expect(shown()).toBe('dark');
  });

  test('before the page’s script sets a theme, a dark desktop already gets the dark paper; System then follows it', async () => {
    await commands.emulateColorScheme('dark');
    try {
      delete document.documentElement.dataset['theme'];
      expect(paper()).toBe('rgb(27, 26, 24)');
      const fake = new FakeApi();
      await renderApp(fake);
      expect(shown()).toBe('dark');
      await commands.emulateColorScheme('light');
      await vi.waitFor(() => expect(shown()).toBe('light'));
      expect(paper()).toBe('rgb(251, 250, 247)');
    } finally {
      await commands.emulateColorScheme('light');
    }
  });

  test('starts on the theme main served the page with, before main has answered (here: never)', async () => {
    document.documentElement.dataset['settings'] = JSON.stringify({ theme: 'sepia' });
    const fake = new FakeApi();
    fake.failEvery('settings.get', 'The library is being restored from a backup: try again in a moment.', 'storage');
    await renderApp(fake);
    expect(shown()).toBe('sepia');
    await expect.element(picker()).toHaveValue('sepia');
  });
});
