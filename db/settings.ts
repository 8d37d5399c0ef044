import type { Database } from 'better-sqlite3';

import { defaultSettings, fontFamilyChoices, settingRanges, type Settings, themeChoices } from '../common/model.ts';
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
 * newer Marginalia, say) reads as the default instead of breaking the app.
 */
export function getSettings(db: Database): Settings {
  const settings: Settings = { ...defaultSettings };
  for (const { key, value } of statements(db).all.all()) {
    // The table only holds valid JSON (its CHECK), though not always a value this version knows.
    const parsed: unknown = JSON.parse(value);
    if (key === 'theme') settings.theme = oneOf(themeChoices, parsed) ?? settings.theme;
    if (key === 'fontFamily') settings.fontFamily = oneOf(fontFamilyChoices, parsed) ?? settings.fontFamily;
    if (key === 'sidebarHidden' && typeof parsed === 'boolean') settings.sidebarHidden = parsed;
    if (key === 'fontSize' || key === 'lineHeight' || key === 'columnWidth' || key === 'zoom') {
      settings[key] = inRange(settingRanges[key], parsed) ?? settings[key];
    }
  }
  return settings;
}

function oneOf<T extends string>(choices: readonly T[], value: unknown): T | undefined {
  return choices.find((choice) => choice === value);
}

function inRange(range: { min: number; max: number }, value: unknown): number | undefined {
  return typeof value === 'number' && value >= range.min && value <= range.max ? value : undefined;
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
