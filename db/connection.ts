import BetterSqlite3, { type Database } from 'better-sqlite3';

import { assertNotTooNew, migrate } from './migrate.ts';
import { allMigrations, type Migration } from './migrations/index.ts';

/** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
const busyTimeoutMs = 5_000;

/** Options for openDatabase; tests pass their own migration list. */
export interface OpenDatabaseOptions {
  migrations?: readonly Migration[];
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
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    assertNotTooNew(db, migrations);
    const wal = db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
    // NORMAL is crash-safe only with WAL (a power loss can lose the last commits, never corrupt the file); where
    // WAL is unavailable (some network filesystems) keep the rollback journal fully synced.
    db.pragma(`synchronous = ${wal ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Lets SQLite refresh its planner statistics, then closes the handle (which checkpoints the WAL). */
export function closeDatabase(db: Database): void {
  if (!db.open) return;
  db.pragma('optimize');
  db.close();
}
