import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import { cleanup, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const backupsButton = () => page.getByRole('banner').getByRole('button', { name: 'Backups…' });
const dialog = () => page.getByRole('dialog', { name: 'Restore a backup' });
const dialogText = () => document.querySelector('[role="dialog"]')?.textContent ?? '';
const askText = () => document.querySelector('[role="alertdialog"]')?.textContent ?? '';

function withBackups(): FakeApi {
  const fake = new FakeApi();
  fake.backups = [
    {
      name: 'marginalia-2026-12-02T07-15-03.123Z-quit.db',
      createdAt: '2026-12-02T07:15:03.123Z',
      reason: 'quit',
      bytes: 40960,
      good: true,
      articles: 12,
      highlights: 340,
    },
    {
      name: 'marginalia-2026-12-01T07-15-03.123Z-hourly.db',
      createdAt: '2026-12-01T07:15:03.123Z',
      reason: 'hourly',
      bytes: 40960,
      good: false,
      damaged: 'it is not a SQLite database',
    },
  ];
  return fake;
}

describe('restoring a backup', () => {
  test('lists the backups with what they hold; a damaged one says why and cannot be chosen', async () => {
    await renderApp(withBackups());
    await userEvent.click(backupsButton());
    await expect.element(dialog()).toBeVisible();
    const items = dialog().getByRole('listitem');
    await expect.poll(() => items.elements().length).toBe(2);
    expect(items.elements()[0]?.textContent).toContain('on quitting');
    expect(items.elements()[0]?.textContent).toContain('12 articles, 340 highlights');
    expect(items.elements()[1]?.textContent).toContain('Damaged: it is not a SQLite database');
    const buttons = dialog()
      .getByRole('button', { name: /^Restore the backup of/ })
      .elements();
    expect(buttons.map((button) => (button as HTMLButtonElement).disabled)).toEqual([false, true]);
    // The newest has focus, so Enter restores it.
    expect(document.activeElement).toBe(buttons[0]);
  });

  test('asks first, saying the library is backed up before; Cancel changes nothing, Restore asks main', async () => {
    const fake = withBackups();
    await renderApp(fake);
    await userEvent.click(backupsButton());
    await userEvent.click(
      dialog()
        .getByRole('button', { name: /^Restore the backup of/ })
        .first(),
    );
    await expect.poll(() => askText()).toMatch(/Your library as it is now is backed up first/);
    await userEvent.click(dialog().getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('backups.restore')).toEqual([]);
    await userEvent.click(
      dialog()
        .getByRole('button', { name: /^Restore the backup of/ })
        .first(),
    );
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => fake.callsTo('backups.restore')).toEqual([{ name: fake.backups[0]!.name }]);
    await expect.poll(() => askText()).toMatch(/the window reloads when it is done/);
  });

  test('says so when there are none yet, and when main cannot restore one', async () => {
    const fake = withBackups();
    fake.failNext('backups.restore', 'The disk is full.', 'disk-full');
    await renderApp(fake);
    await userEvent.click(backupsButton());
    await userEvent.click(
      dialog()
        .getByRole('button', { name: /^Restore the backup of/ })
        .first(),
    );
    await userEvent.click(dialog().getByRole('alertdialog').getByRole('button', { name: 'Restore' }));
    await expect
      .element(dialog().getByRole('alert'))
      .toHaveTextContent('Couldn’t restore the backup: The disk is full.');
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog()).not.toBeInTheDocument();

    fake.backups = [];
    await userEvent.click(backupsButton());
    await expect.poll(() => dialogText()).toMatch(/There are no backups yet/);
  });
});
