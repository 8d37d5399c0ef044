import { readdirSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { type AppData, openAppData } from '../../electron/core/app-data.ts';
import { LibraryBackups } from '../../electron/main/library-backups.ts';
import { makeTempDir } from '../db/temp-dir.ts';

/** The app's backups as main makes them, on a real library: every hour of use, and on quit. */

let temp: ReturnType<typeof makeTempDir>;
let app: AppData | undefined;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  app?.close();
  app = undefined;
  temp.cleanup();
});

const backupFiles = (dataDir: string) =>
  readdirSync(path.join(dataDir, 'backups'))
    .filter((name) => name.endsWith('.db'))
    .sort();

describe('LibraryBackups', () => {
  it('backs up after an hour of use (not of idle time), once, and again on quit', async () => {
    const dataDir = path.join(temp.dir, 'data');
    app = openAppData(dataDir);
    let clock = 0;
    const warn = vi.fn();
    const backups = new LibraryBackups({ dataDir, warn, now: () => clock });
    // A long pause counts only a few minutes of use: no backup yet.
    backups.noteActivity();
    clock += 3 * 60 * 60 * 1000;
    backups.noteActivity();
    // Then steady use, a call a minute, for an hour.
    for (let minute = 0; minute < 61; minute += 1) {
      clock += 60 * 1000;
      backups.noteActivity();
    }
    await vi.waitFor(() => expect(backupFiles(dataDir)).toEqual([expect.stringMatching(/-hourly\.db$/)]));
    // The next call does not make another.
    clock += 60 * 1000;
    backups.noteActivity();
    app.close();
    app = undefined;
    await backups.onQuit();
    expect(backupFiles(dataDir)).toEqual([expect.stringMatching(/-hourly\.db$/), expect.stringMatching(/-quit\.db$/)]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('writes down a backup that failed and lets the app quit', async () => {
    const warn = vi.fn();
    const backups = new LibraryBackups({ dataDir: path.join(temp.dir, 'nothing-here'), warn });
    await backups.onQuit();
    expect(warn).toHaveBeenCalledWith('could not make the quit backup of the library', expect.anything());
  });

  it('restores a listed backup: closes the library, backs it up as it is, puts the backup in place, opens it again', async () => {
    const dataDir = path.join(temp.dir, 'data');
    app = openAppData(dataDir);
    const warn = vi.fn();
    const backups = new LibraryBackups({ dataDir, warn });
    app.close();
    app = undefined;
    await backups.onQuit();
    const [listed] = await backups.list();
    expect(listed).toMatchObject({ reason: 'quit', good: true, articles: 1, highlights: 0 });

    // The user imports more, then restores the backup made before.
    app = openAppData(dataDir);
    const { insertArticle } = await import('../../db/articles.ts');
    insertArticle(app.db, { title: 'Later', source: 'test:later', format: 'text', content: 'Added after the backup.' });
    const calls: string[] = [];
    const restored = await backups.restore(listed!.name, {
      close: () => {
        calls.push('close');
        app?.close();
        app = undefined;
      },
      reopen: () => {
        calls.push('reopen');
        app = openAppData(dataDir);
      },
    });
    expect(calls).toEqual(['close', 'reopen']);
    expect(restored).toEqual({ restored: listed!.name, safetyBackup: expect.stringMatching(/-before-restore\.db$/) });
    const { listArticles } = await import('../../db/articles.ts');
    expect(listArticles(app!.db).map((article) => article.title)).not.toContain('Later');
    // The state before the restore is itself a backup, listed with the extra article.
    const again = await backups.list();
    expect(again.find((entry) => entry.reason === 'before-restore')).toMatchObject({ good: true, articles: 2 });
  });

  it('refuses a name it does not list, and a damaged backup, leaving the library open', async () => {
    const dataDir = path.join(temp.dir, 'data');
    app = openAppData(dataDir);
    const backups = new LibraryBackups({ dataDir, warn: vi.fn() });
    const library = { close: vi.fn(), reopen: vi.fn() };
    await expect(backups.restore('marginalia-2020-01-01T00-00-00.000Z-quit.db', library)).rejects.toThrow(
      'There is no such backup any more',
    );
    app.close();
    app = undefined;
    await backups.onQuit();
    const [listed] = await backups.list();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dataDir, 'backups', listed!.name), 'not a database at all, just some text');
    await expect(backups.restore(listed!.name, library)).rejects.toThrow('That backup cannot be restored');
    expect(library.close).not.toHaveBeenCalled();
  });
});
