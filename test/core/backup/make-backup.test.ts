import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { createAnnotation } from '../../../db/annotations.ts';
import { insertArticle } from '../../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../../db/connection.ts';
import { backUpLibrary } from '../../../electron/core/backup/back-up.ts';
import { parseBackupName } from '../../../electron/core/backup/backup-names.ts';
import { backupWorkerFile } from '../../../electron/core/backup/copy-in-worker.ts';
import { makeBackup } from '../../../electron/core/backup/make-backup.ts';
import { pagesPerStep } from '../../../electron/core/backup/online-copy.ts';
import { selectorsIn } from '../../db/fixtures.ts';
import { makeTempDir } from '../../db/temp-dir.ts';
import { addArticles, libraryFile, makeBigLibrary, makeLibrary, rowsOf } from './library-fixture.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDataDir(): string {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  return dir;
}

describe('makeBackup', () => {
  it('copies the open library row for row into backups/, under a name that sorts by time and says why', async () => {
    const dataDir = tempDataDir();
    const db = makeLibrary(dataDir, 5, 3);
    cleanups.unshift(() => db.close());
    const made = await makeBackup(dataDir, 'quit', { now: () => new Date('2026-12-02T07:15:03.123Z') });

    expect(made.name).toBe('marginalia-2026-12-02T07-15-03.123Z-quit.db');
    expect(made.file).toBe(path.join(dataDir, 'backups', made.name));
    expect(parseBackupName(made.name)).toEqual({
      name: made.name,
      createdAt: new Date('2026-12-02T07:15:03.123Z'),
      reason: 'quit',
    });
    expect(rowsOf(made.file)).toEqual(rowsOf(libraryFile(dataDir)));
    expect(Object.values(rowsOf(made.file)).flat().length).toBeGreaterThan(5 + 15);
    // One self-contained file: no .partial, no journal, and not in WAL mode (header bytes 18–19 say 1, not 2).
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([made.name]);
    expect([...readFileSync(made.file).subarray(18, 20)]).toEqual([1, 1]);
    const copy = new BetterSqlite3(made.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([made.name]);
  });

  it('gives two backups made in the same millisecond different names', async () => {
    const dataDir = tempDataDir();
    const db = makeLibrary(dataDir);
    cleanups.unshift(() => db.close());
    const now = () => new Date('2026-12-02T07:15:03.123Z');
    const first = await makeBackup(dataDir, 'hourly', { now });
    const second = await makeBackup(dataDir, 'hourly', { now });
    expect(second.name).toBe('marginalia-2026-12-02T07-15-03.124Z-hourly.db');
    expect(readdirSync(path.join(dataDir, 'backups')).sort()).toEqual([first.name, second.name]);
  });

  it('backs up a closed library too, and backUpLibrary rotates after making it', async () => {
    const dataDir = tempDataDir();
    closeDatabase(makeLibrary(dataDir), () => undefined);
    const { backup, deleted } = await backUpLibrary(dataDir, 'manual');
    expect(deleted).toEqual([]);
    expect(rowsOf(backup.file)).toEqual(rowsOf(libraryFile(dataDir)));
  });

  it('holds exactly the writes committed before it started while another connection keeps writing', async () => {
    const dataDir = tempDataDir();
    makeBigLibrary(dataDir, 8);
    const writer = openDatabase(libraryFile(dataDir));
    cleanups.unshift(() => writer.close());
    const article = insertArticle(writer, {
      title: 'Writes',
      source: 'test:writes',
      format: 'text',
      content: 'Geneva',
    });
    let written = 0;
    const write = () =>
      createAnnotation(writer, {
        articleId: article.id,
        color: 'blue',
        selectors: selectorsIn('Geneva', 'Geneva'),
        note: `w-${written++}`,
      });
    for (let n = 0; n < 20; n += 1) write();
    let writing = true;
    const keepWriting = () => {
      if (!writing) return;
      write();
      setImmediate(keepWriting);
    };
    setImmediate(keepWriting);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = written;
    const made = await makeBackup(dataDir, 'hourly');
    const after = written;
    writing = false;

    expect(after - before).toBeGreaterThan(5); // the writer really wrote during the backup
    const copy = new BetterSqlite3(made.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const notes = copy.prepare("SELECT note FROM annotations WHERE note LIKE 'w-%'").pluck().all() as string[];
    copy.close();
    const numbers = notes.map((note) => Number(note.slice(2))).sort((a, b) => a - b);
    // A prefix of the writes: w-0 … w-(k-1), nothing missing in between, at least those made before it started.
    expect(numbers).toEqual(numbers.map((_, index) => index));
    expect(numbers.length).toBeGreaterThanOrEqual(before);
    expect(numbers.length).toBeLessThanOrEqual(after);
  });

  it('copies a 30 MB library in steps of 1 MiB, giving the event loop a turn after each', async () => {
    const dataDir = tempDataDir();
    makeBigLibrary(dataDir, 30);
    let turns = 0;
    let longestGapMs = 0;
    let last = performance.now();
    let copying = true;
    const tick = () => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
      turns += 1;
      if (copying) setImmediate(tick);
    };
    setImmediate(tick);
    const made = await makeBackup(dataDir, 'hourly');
    copying = false;

    expect(pagesPerStep(4096)).toBe(256);
    expect(made.copy.pageSize).toBe(4096);
    expect(made.copy.pagesPerStep).toBe(256);
    expect(made.copy.pages * made.copy.pageSize).toBeGreaterThan(30e6);
    // One step per 256 pages, plus better-sqlite3's first step (which copies nothing).
    expect(made.copy.steps).toBe(Math.ceil(made.copy.pages / 256) + 1);
    // Every step is followed by a turn of the loop: the backup never runs two steps in one go.
    expect(turns).toBeGreaterThanOrEqual(made.copy.steps - 1);
    console.log(`30 MB backup: ${made.copy.steps} steps, longest time the loop waited: ${longestGapMs.toFixed(1)} ms`);
  });

  it('copies in a worker thread when given its code: the same rows, and the loop keeps turning throughout', async () => {
    const dataDir = tempDataDir();
    makeBigLibrary(dataDir, 10);
    let turns = 0;
    let copying = true;
    const tick = () => {
      turns += 1;
      if (copying) setImmediate(tick);
    };
    setImmediate(tick);
    const made = await makeBackup(dataDir, 'hourly', { workerFile: backupWorkerFile() });
    copying = false;
    expect(rowsOf(made.file)).toEqual(rowsOf(libraryFile(dataDir)));
    expect(made.copy.steps).toBe(Math.ceil(made.copy.pages / 256) + 1);
    expect(turns).toBeGreaterThan(made.copy.steps);
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([made.name]);
  });

  it("reports a worker's failure with SQLite's code, and leaves no file behind", async () => {
    const dataDir = tempDataDir();
    closeDatabase(makeLibrary(dataDir), () => undefined);
    await expect(
      makeBackup(dataDir, 'quit', {
        libraryFile: path.join(dataDir, 'nothing-here.db'),
        workerFile: backupWorkerFile(),
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_CANTOPEN' });
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
  });

  it('leaves no file behind when the copy fails', async () => {
    const dataDir = tempDataDir();
    const db = makeLibrary(dataDir);
    addArticles(db, 1, 1, 100);
    closeDatabase(db, () => undefined);
    await expect(makeBackup(dataDir, 'quit', { libraryFile: path.join(dataDir, 'nothing-here.db') })).rejects.toThrow();
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
  });
});
