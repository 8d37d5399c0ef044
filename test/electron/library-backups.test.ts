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
});
