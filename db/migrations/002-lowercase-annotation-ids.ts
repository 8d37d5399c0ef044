import { randomUUID } from 'node:crypto';

import type { Migration } from './migration.ts';

/**
 * Annotation ids in lower case. Up to schema 1 the IPC schema accepted a UUID in any case and stored it as sent, so
 * `ABC…` and `abc…` could be two annotations, and since ids are now lower-cased on the way in, an upper-case row
 * would be out of reach. Each id is lower-cased; where that spelling is already taken (a case-only twin), the row
 * gets a fresh UUID instead, so no highlight or note is lost or merged.
 */
export const migration002: Migration = {
  version: 2,
  name: 'lowercase-annotation-ids',
  up(db) {
    const mixed = db
      .prepare<[], string>('SELECT id FROM annotations WHERE id <> lower(id) ORDER BY rowid')
      .pluck()
      .all();
    const taken = db.prepare<[string], 1>('SELECT 1 FROM annotations WHERE id = ?').pluck();
    const rename = db.prepare<[string, string]>('UPDATE annotations SET id = ? WHERE id = ?');
    for (const id of mixed) {
      const lower = id.toLowerCase();
      rename.run(taken.get(lower) === undefined ? lower : randomUUID(), id);
    }
  },
};
