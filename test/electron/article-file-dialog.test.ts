import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

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

  it('reads the chosen file and names it by its file URL, attached to the reader window', async () => {
    const file = path.join(temp.dir, 'harbour plan.txt');
    writeFileSync(file, 'Harbour Plan\n\nThe committee met.\n');
    const window = { id: 1 };
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const picked = await articleFilePicker(() => window as never)();
    expect(picked).toEqual({ source: pathToFileURL(file).href, text: 'Harbour Plan\n\nThe committee met.\n' });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openFile'] }));
  });

  it('gives nothing when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await articleFilePicker(() => null)()).toBeUndefined();
  });
});
