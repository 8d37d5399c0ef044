import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { closeDatabase } from '../../../db/connection.ts';
import { listBackups, newestGoodBackup } from '../../../electron/core/backup/list-backups.ts';
import { makeBackup } from '../../../electron/core/backup/make-backup.ts';
import { makeTempDir } from '../../db/temp-dir.ts';
import { damageFile } from './damage.ts';
import { addArticles, makeLibrary } from './library-fixture.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDataDir(): string {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  return dir;
}

const at = (time: string) => () => new Date(time);

describe('listBackups', () => {
  it('lists each backup newest first with its date, reason, size and counts; a damaged one as damaged', async () => {
    const dataDir = tempDataDir();
    const db = makeLibrary(dataDir, 40, 2);
    const first = await makeBackup(dataDir, 'hourly', { now: at('2026-12-01T10:00:00.000Z') });
    addArticles(db, 2, 3, 100);
    const second = await makeBackup(dataDir, 'quit', { now: at('2026-12-01T18:00:00.000Z') });
    addArticles(db, 1, 1, 200);
    const third = await makeBackup(dataDir, 'hourly', { now: at('2026-12-02T07:00:00.000Z') });
    closeDatabase(db, () => undefined);
    damageFile(third.file, 'page-overwritten');
    writeFileSync(path.join(dataDir, 'backups', 'my-notes.db'), 'not ours');

    const listed = await listBackups(dataDir);

    expect(listed.map((backup) => backup.name)).toEqual([third.name, second.name, first.name]);
    expect(listed[1]).toEqual({
      file: second.file,
      name: second.name,
      createdAt: new Date('2026-12-01T18:00:00.000Z'),
      reason: 'quit',
      bytes: second.bytes,
      good: true,
      articles: 42,
      highlights: 86,
    });
    expect(listed[2]).toMatchObject({ good: true, articles: 40, highlights: 80 });
    expect(listed[0]).toMatchObject({ good: false, problem: 'failed-check', reason: 'hourly' });
    expect(listed[0]?.good === false && listed[0].damaged).toMatch(/^it is damaged: SQLite's check found/);
  });

  it('answers an empty list when there is no backups folder yet', async () => {
    expect(await listBackups(tempDataDir())).toEqual([]);
    expect(await newestGoodBackup(tempDataDir())).toBeUndefined();
  });
});

describe('newestGoodBackup', () => {
  it('skips damaged backups, newest first', async () => {
    const dataDir = tempDataDir();
    const db = makeLibrary(dataDir, 30, 1);
    const good = await makeBackup(dataDir, 'hourly', { now: at('2026-12-01T10:00:00.000Z') });
    const truncated = await makeBackup(dataDir, 'hourly', { now: at('2026-12-01T11:00:00.000Z') });
    const noise = await makeBackup(dataDir, 'quit', { now: at('2026-12-01T12:00:00.000Z') });
    closeDatabase(db, () => undefined);
    damageFile(truncated.file, 'truncated');
    damageFile(noise.file, 'random-bytes');

    expect(await newestGoodBackup(dataDir)).toMatchObject({ name: good.name, good: true, articles: 30 });
  });
});
