import type { Database } from 'better-sqlite3';

import type { Migration } from './migration.ts';

/**
 * Tags stored before tags were normalised with control characters folded (common/tag-text.ts): a tag such as
 * "a\u0007b" that an import brought in could be listed but never found again by the tag filter, which normalises
 * what it is given. Each such tag becomes its normalised form, once per highlight; one with nothing left goes. The
 * rule is spelled out here, not imported: a migration is frozen once it has shipped.
 */
export const migration007: Migration = {
  version: 7,
  name: 'normalise-tags',
  up(db: Database) {
    const normalised = (tag: string) => tag.replace(/[\s\p{Cc}]+/gu, ' ').trim();
    const rows = db
      .prepare<[], { annotation_id: string; tag: string }>('SELECT annotation_id, tag FROM annotation_tags')
      .all()
      .filter(({ tag }) => normalised(tag) !== tag);
    const remove = db.prepare<[string, string]>('DELETE FROM annotation_tags WHERE annotation_id = ? AND tag = ?');
    const add = db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag) VALUES (?, ?)',
    );
    for (const { annotation_id, tag } of rows) {
      remove.run(annotation_id, tag);
      const kept = normalised(tag);
      if (kept !== '') add.run(annotation_id, kept);
    }
  },
};
