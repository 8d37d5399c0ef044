import BetterSqlite3, { type Database } from 'better-sqlite3';

import { assertNotTooNew, migrate } from './migrate.ts';
import { allMigrations, type Migration } from './migrations/index.ts';

/** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
const defaultBusyTimeoutMs = 5_000;

/** Options for openDatabase; tests pass their own migration list and a short lock wait. */
export interface OpenDatabaseOptions {
  migrations?: readonly Migration[];
  /** How long to wait for another program's lock before giving up (default 5 s). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) a Marginalia database file and brings its schema up to date. A file from a newer
 * version is refused with DatabaseTooNewError before anything is written to it, which is why the version check
 * comes before switching to WAL (changing the journal mode rewrites the file header).
 */
export function openDatabase(filePath: string, options: OpenDatabaseOptions = {}): Database {
  const migrations = options.migrations ?? allMigrations;
  const db = new BetterSqlite3(filePath);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? defaultBusyTimeoutMs}`);
    assertNotTooNew(db, migrations);
    db.pragma('journal_mode = WAL');
    // FULL, not WAL's usual NORMAL: with NORMAL a power cut can drop the last commits, and each of those is a
    // highlight or note the user was told was saved. FULL syncs the WAL at every commit; bulk work (re-import,
    // migrations) is one transaction, so it pays once. `npm run bench` prints the per-write cost of both.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Lets SQLite refresh its planner statistics, then closes the handle (which checkpoints the WAL). The handle is
 * closed even when `optimize` fails (a full disk): the statistics are a nicety, a handle left open keeps the
 * file locked. That failure goes to `warn`; an error from closing itself is thrown.
 */
export function closeDatabase(db: Database, warn: (message: string, error: unknown) => void): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } catch (error) {
    warn('could not refresh the library’s query statistics before closing it:', error);
  } finally {
    db.close();
  }
}
