import type { Migration } from './migration.ts';

/**
 * The user's settings (db/settings.ts): one row per setting, its value as JSON, so a new setting needs no migration
 * and an old library simply has no row for it (the default then holds). When it was last changed is kept for a
 * later sync to tell the newer of two machines' choices.
 */
export const migration006: Migration = {
  version: 6,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
