import type { Database } from 'better-sqlite3';

import type { Settings } from '../common/model.ts';
import { settingsFrom } from '../common/settings-values.ts';
import { statementCache } from './statement-cache.ts';

const statements = statementCache((db) => ({
  all: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
  put: db.prepare<[string, string, string]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
}));

/**
 * The user's settings: the stored ones over the defaults. A stored value this version does not know (written by a
 * newer Marginalia, say) reads as the default instead of breaking the app (settingsFrom).
 */
export function getSettings(db: Database): Settings {
  // The table only holds valid JSON (its CHECK), though not always a value this version knows.
  return settingsFrom(
    statements(db)
      .all.all()
      .map(({ key, value }) => [key, JSON.parse(value) as unknown] as const),
  );
}

/** Stores the settings given (the IPC check has validated them), in one transaction; returns them all. */
export function setSettings(db: Database, patch: Partial<Settings>): Settings {
  return db.transaction(() => {
    const now = new Date().toISOString();
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) statements(db).put.run(key, JSON.stringify(value), now);
    }
    return getSettings(db);
  })();
}
