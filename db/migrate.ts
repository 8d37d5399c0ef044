import type { Database } from 'better-sqlite3';

import { DatabaseTooNewError } from './errors.ts';
import { allMigrations, type Migration } from './migrations/index.ts';

/** The schema version recorded in the file: 0 for a new, empty database. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The schema version a migration list brings a database to; throws if the list is out of order or has gaps. */
export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" has version ${migration.version}; expected ${index + 1}`);
    }
  });
  return migrations.length;
}

/** Throws DatabaseTooNewError if the database was written by a newer schema than the migration list knows. */
export function assertNotTooNew(db: Database, migrations: readonly Migration[] = allMigrations): void {
  const found = schemaVersion(db);
  const known = latestVersion(migrations);
  if (found > known) throw new DatabaseTooNewError(found, known);
}

/**
 * Brings the schema up to date. Pending migrations run in order inside one IMMEDIATE transaction together with the
 * new `user_version`, so a failure leaves the database exactly as it was. Foreign keys are switched off around the
 * transaction (the pragma is a no-op inside one) so a migration can rebuild a referenced table, and
 * `foreign_key_check` runs before commit so no migration can leave a dangling reference behind.
 */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): { from: number; to: number } {
  const latest = latestVersion(migrations);
  assertNotTooNew(db, migrations);
  const current = schemaVersion(db);
  if (current === latest) return { from: current, to: current };

  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    return db
      .transaction(() => {
        // Re-read under the write lock: another process may have migrated between our check and BEGIN.
        const from = schemaVersion(db);
        if (from > latest) throw new DatabaseTooNewError(from, latest);
        for (const migration of migrations.slice(from)) migration.up(db);
        const violations = db.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new Error(`migrating to schema ${latest} left ${violations.length} broken foreign key(s)`);
        }
        db.pragma(`user_version = ${latest}`);
        return { from, to: latest };
      })
      .immediate();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
