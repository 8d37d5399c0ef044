import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { makeTempDir } from '../db/temp-dir.ts';

const dialog = vi.hoisted(() => ({ showOpenDialog: vi.fn() }));
vi.mock('electron', () => ({ dialog }));

const { articleFilePicker } = await import('../../electron/main/article-file-dialog.ts');

describe('the article file dialog', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
    dialog.showOpenDialog.mockReset();
  });
  afterEach(() => temp.cleanup());

  it('gives the chosen file’s path, asking attached to the reader window for text, Markdown and HTML files', async () => {
    const file = path.join(temp.dir, 'harbour plan.md');
    writeFileSync(file, '# Harbour Plan\n\nThe committee met.\n');
    const window = { id: 1 };
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    expect(await articleFilePicker(() => window as never)()).toBe(file);
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions];
    expect(parent).toBe(window);
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters?.[0]?.extensions).toEqual(['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml']);
  });

  it('gives nothing when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await articleFilePicker(() => null)()).toBeUndefined();
  });
});
