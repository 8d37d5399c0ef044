import type { Database } from 'better-sqlite3';

import { type Settings, themeChoices } from '../common/model.ts';
import { statementCache } from './statement-cache.ts';

/** What every setting is until the user changes it. */
const defaultSettings: Settings = { theme: 'system', sidebarHidden: false };

const statements = statementCache((db) => ({
  all: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
  put: db.prepare<[string, string, string]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
}));

/**
 * The user's settings: the stored ones over the defaults. A stored value this version does not know (written by a
 * newer Marginalia, say) reads as the default instead of breaking the app.
 */
export function getSettings(db: Database): Settings {
  const settings: Settings = { ...defaultSettings };
  for (const { key, value } of statements(db).all.all()) {
    const parsed: unknown = JSON.parse(value);
    if (key === 'theme' && themeChoices.includes(parsed as Settings['theme'])) {
      settings.theme = parsed as Settings['theme'];
    }
    if (key === 'sidebarHidden' && typeof parsed === 'boolean') settings.sidebarHidden = parsed;
  }
  return settings;
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
