import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';

import { closeDatabase } from '../../../db/connection.ts';
import { libraryFile, makeLibrary } from './library-fixture.ts';

/** The ways a library file gets damaged that the tests try. */
export type Damage = 'random-bytes' | 'truncated' | 'page-overwritten';

/** A closed library of a few pages in `dataDir`, damaged the way `damage` says. */
export function damagedLibrary(dataDir: string, damage: Damage): string {
  const file = libraryFile(dataDir);
  closeDatabase(makeLibrary(dataDir, 40, 5), () => undefined);
  damageFile(file, damage);
  return file;
}

/** Damages the database in `file` (closed, 4 KiB pages). */
export function damageFile(file: string, damage: Damage): void {
  const size = statSync(file).size;
  if (damage === 'random-bytes') writeFileSync(file, randomBytes(size));
  if (damage === 'truncated') truncateSync(file, Math.floor(size / 4096 / 2) * 4096 + 1000);
  if (damage === 'page-overwritten') {
    // Page 3 onwards is tables' and indexes' content; the header and schema on pages 1–2 stay readable.
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(4096), 0, 4096, 2 * 4096);
    closeSync(fd);
  }
}

/** The bytes of `file`, to show that a check left it as it was. */
export function bytesOf(file: string): Buffer {
  return readFileSync(file);
}
