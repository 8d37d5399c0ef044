import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { databaseFileName, openAppData } from '../../electron/core/app-data.ts';
import { LibraryOpenError } from '../../electron/core/library-open-error.ts';
import { makeTempDir } from '../db/temp-dir.ts';
import { mountTmpfs, type Tmpfs, tmpfsUnavailableReason } from '../support/tmpfs.ts';

/**
 * Opening the library when something is wrong with it or its folder. Each failure must say what is wrong, name the
 * folder and say what the user can do, in place of SQLite's or Node's raw text, and must leave the file as it was.
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function tempDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

/** A data folder holding a real library (the default article), closed again. */
function libraryIn(dir: string): string {
  openAppData(dir).close();
  return path.join(dir, databaseFileName);
}

const fingerprint = (file: string) =>
  existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent';

/** Raw texts that must never reach the user. */
const rawTexts = [
  /unable to open database file/,
  /ENOENT|EEXIST|ENOTDIR|EACCES|EROFS/,
  /file is not a database/,
  /disk image is malformed/,
  /database is locked/,
  /SQLITE_/,
];

function openFailure(dataDir: string, options: { busyTimeoutMs?: number } = {}): LibraryOpenError {
  try {
    openAppData(dataDir, options).close();
  } catch (error) {
    expect(error).toBeInstanceOf(LibraryOpenError);
    const message = (error as LibraryOpenError).message;
    expect(message).toContain(dataDir);
    for (const raw of rawTexts) expect(message).not.toMatch(raw);
    return error as LibraryOpenError;
  }
  throw new Error(`opening ${dataDir} was expected to fail`);
}

describe('opening the library explains what is wrong and changes nothing', () => {
  it('when the data path is a file, not a folder', () => {
    const file = path.join(tempDir(), 'Marginalia');
    writeFileSync(file, 'my notes, not a folder');
    const before = fingerprint(file);
    expect(openFailure(file).message).toMatch(
      /a file is in the way: .*Marginalia is not a folder\. Move or rename that file/,
    );
    expect(fingerprint(file)).toBe(before);
  });

  it('when a file stands where a folder above the data folder should be', () => {
    const file = path.join(tempDir(), 'config');
    writeFileSync(file, 'x');
    expect(openFailure(path.join(file, 'Marginalia')).message).toMatch(/a file is in the way/);
  });

  it('when a folder stands where the library file should be', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, databaseFileName));
    expect(openFailure(dir).message).toMatch(/but a folder of that name is in the way\. Move or rename that folder/);
  });

  it('when the file is not a database at all', () => {
    const dir = tempDir();
    const file = path.join(dir, databaseFileName);
    writeFileSync(file, 'These are my reading notes, typed by hand into the wrong file.\n'.repeat(100));
    const before = fingerprint(file);
    expect(openFailure(dir).message).toMatch(
      /is not a Marginalia library \(it is not a SQLite database\)\. Marginalia has not changed it\. Move it out of the folder/,
    );
    expect(fingerprint(file)).toBe(before);
  });

  it('when the database is damaged', () => {
    const dir = tempDir();
    const file = libraryIn(dir);
    const bytes = readFileSync(file);
    // Scribble over the start of every page after the first (the header stays valid, the tables do not).
    for (let page = 1; page * 4096 < bytes.length; page += 1) bytes.fill(0x5a, page * 4096, page * 4096 + 64);
    writeFileSync(file, bytes);
    const before = fingerprint(file);
    expect(openFailure(dir).message).toMatch(
      /is damaged and cannot be read\. Marginalia has not changed it\. Restore it from a backup/,
    );
    expect(fingerprint(file)).toBe(before);
  });

  it('when another program holds the library locked', () => {
    const dir = tempDir();
    const file = libraryIn(dir);
    const other = new BetterSqlite3(file);
    cleanups.push(() => other.close());
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    const before = fingerprint(file);
    expect(openFailure(dir, { busyTimeoutMs: 50 }).message).toMatch(
      /is in use by another program .*Close that program, then start Marginalia again/,
    );
    other.exec('ROLLBACK');
    expect(fingerprint(file)).toBe(before);
  });
});

const unavailable = tmpfsUnavailableReason();
if (unavailable && process.env.CI) throw new Error(`the read-only folder tests must run on CI, but ${unavailable}`);
if (unavailable) console.warn(`Skipping the read-only folder tests: ${unavailable}.`);

describe.skipIf(unavailable)('on a read-only file system', () => {
  function readOnlyDisk(): Tmpfs {
    const disk = mountTmpfs(4 * 1024 * 1024);
    cleanups.push(() => disk.remove());
    return disk;
  }

  it('explains a library folder that cannot be written, and leaves the library as it was', () => {
    const disk = readOnlyDisk();
    const file = libraryIn(disk.dir);
    const before = fingerprint(file);
    disk.setReadOnly(true);
    expect(openFailure(disk.dir).message).toMatch(
      /is read-only, or you lack permission to write there\. Make the folder writable/,
    );
    disk.setReadOnly(false);
    expect(fingerprint(file)).toBe(before);
  });

  it('explains an empty folder that cannot be written', () => {
    const disk = readOnlyDisk();
    disk.setReadOnly(true);
    expect(openFailure(disk.dir).message).toMatch(/read-only, or you lack permission/);
    expect(existsSync(path.join(disk.dir, databaseFileName))).toBe(false);
  });

  it('explains a missing library folder whose parent cannot be written', () => {
    const disk = readOnlyDisk();
    disk.setReadOnly(true);
    const dataDir = path.join(disk.dir, 'Marginalia');
    expect(openFailure(dataDir).message).toMatch(
      /cannot create the folder .*Marginalia for your library: the folder it belongs in cannot be written/,
    );
  });
});
