import { writeFileSync } from 'node:fs';
import path from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { closeDatabase } from '../../../db/connection.ts';
import { checkLibraryFile } from '../../../electron/core/backup/check-file.ts';
import { makeTempDir } from '../../db/temp-dir.ts';
import { bytesOf, type Damage, damagedLibrary } from './damage.ts';
import { libraryFile, makeLibrary } from './library-fixture.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  return dir;
}

describe('checkLibraryFile', () => {
  it('passes a whole library, closed or open', () => {
    const dataDir = tempDir();
    const db = makeLibrary(dataDir, 10, 3);
    expect(checkLibraryFile(libraryFile(dataDir))).toEqual({ ok: true });
    closeDatabase(db, () => undefined);
    expect(checkLibraryFile(libraryFile(dataDir))).toEqual({ ok: true });
    expect(checkLibraryFile(libraryFile(dataDir), 'quick')).toEqual({ ok: true });
  });

  const cases: Array<[Damage, string[]]> = [
    ['random-bytes', ['not-a-database']],
    ['truncated', ['malformed', 'failed-check']],
    ['page-overwritten', ['malformed', 'failed-check']],
  ];
  for (const [damage, problems] of cases) {
    it(`finds a library with ${damage} damaged, says why in words, and leaves the file as it was`, () => {
      const file = damagedLibrary(tempDir(), damage);
      const before = bytesOf(file);
      const check = checkLibraryFile(file);
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(problems).toContain(check.problem);
      expect(check.damaged).toMatch(
        /^(it is not a database|it is damaged: SQLite cannot read part of it|it is damaged: SQLite's check found)/,
      );
      expect(bytesOf(file).equals(before)).toBe(true);
    });
  }

  it('tells a missing file, an empty one and a database that is not a library apart', () => {
    const dir = tempDir();
    expect(checkLibraryFile(path.join(dir, 'none.db'))).toMatchObject({ ok: false, problem: 'missing' });
    writeFileSync(path.join(dir, 'empty.db'), '');
    expect(checkLibraryFile(path.join(dir, 'empty.db'))).toMatchObject({ ok: false, problem: 'not-a-library' });
    const other = new BetterSqlite3(path.join(dir, 'other.db'));
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.close();
    expect(checkLibraryFile(path.join(dir, 'other.db'))).toEqual({
      ok: false,
      problem: 'not-a-library',
      damaged: 'it is a database, but holds no Marginalia library',
    });
  });
});
