import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { launchApp, makeDataDir } from '../harness/launch-app.ts';
import { highlightText, paintedHighlights } from '../harness/reader.ts';

/**
 * Export end to end: the built renderer in Chromium over the real main-process side. A highlight made in the page is
 * exported through "Export…" to a real folder (main's folder dialog stood in for), as a Markdown file a vault can
 * hold.
 */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('export', () => {
  it('exports the article’s highlight with its note to a Markdown file in the folder the user chose', async () => {
    const { dataDir, remove } = await makeDataDir();
    cleanups.push(remove);
    const vault = await mkdtemp(path.join(tmpdir(), 'marginalia-vault-'));
    cleanups.push(() => rm(vault, { recursive: true, force: true }));
    const app = await launchApp({ dataDir, pickExportDestination: async () => vault });
    cleanups.push(() => app.close());

    await highlightText(app.page, 'held day-long talks', 'blue');
    await expect.poll(() => paintedHighlights(app.page, 'blue')).toEqual(['held day-long talks']);

    await app.page.getByRole('banner').getByRole('button', { name: 'Export…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Export or import highlights' });
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => app.page.locator('.notice-region').textContent()).toContain(`to ${vault} (1 file).`);

    const files = await readdir(vault);
    expect(files).toHaveLength(1);
    const markdown = await readFile(path.join(vault, files[0]!), 'utf8');
    expect(markdown).toContain('US, Russia Hold Day-Long Talks Amid Ukraine Tensions');
    expect(markdown).toContain('held day-long talks');
    expect(markdown).toContain('#hl/blue');
    expect(app.pageErrors).toEqual([]);
  });
});
