import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { defaultSettings } from '../../common/model.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { getSettings, setSettings } from '../../db/settings.ts';
import { makeTempDir } from './temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'settings.db');
});

afterEach(() => temp.cleanup());

describe('settings', () => {
  it('are kept in the library across a restart, with when each was changed', () => {
    const db = openDatabase(file);
    expect(getSettings(db)).toEqual(defaultSettings);
    expect(setSettings(db, { theme: 'dark' })).toEqual({ ...defaultSettings, theme: 'dark' });
    expect(setSettings(db, { sidebarHidden: true })).toEqual({
      ...defaultSettings,
      theme: 'dark',
      sidebarHidden: true,
    });
    const type = {
      fontFamily: 'sans',
      fontSize: 22,
      lineHeight: 1.8,
      columnWidth: 80,
      zoom: 1.25,
      sidebarWidth: 420,
    } as const;
    expect(setSettings(db, type)).toEqual({ ...defaultSettings, theme: 'dark', sidebarHidden: true, ...type });
    closeDatabase(db, console.warn);

    const again = openDatabase(file);
    expect(getSettings(again)).toEqual({ ...defaultSettings, theme: 'dark', sidebarHidden: true, ...type });
    const row = again.prepare("SELECT key, value, updated_at FROM settings WHERE key = 'theme'").get() as Record<
      string,
      string
    >;
    expect(row).toMatchObject({ key: 'theme', value: '"dark"' });
    expect(Date.parse(row['updated_at']!)).not.toBeNaN();
    closeDatabase(again, console.warn);
  });

  it('read a value this version does not know (from a newer Marginalia) as the default, and ignore unknown keys', () => {
    const db = openDatabase(file);
    db.prepare(
      `INSERT INTO settings (key, value, updated_at)
       VALUES ('theme', '"neon"', 'x'), ('sidebarHidden', '"no"', 'x'), ('font', '"serif"', 'x'),
              ('fontFamily', '"fantasy"', 'x'), ('fontSize', '400', 'x'), ('lineHeight', '"1.5"', 'x'),
              ('columnWidth', '"wide"', 'x'), ('zoom', '0.1', 'x'), ('sidebarWidth', '10000', 'x')`,
    ).run();
    expect(getSettings(db)).toEqual(defaultSettings);
    closeDatabase(db, console.warn);
  });
});
