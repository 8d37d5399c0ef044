import type { Database } from 'better-sqlite3';

import { limits, type TagCount } from '../common/model.ts';
import { NotFoundError } from './errors.ts';
import { statementCache } from './statement-cache.ts';

/**
 * Highlights' tags. A tag is stored as the user first typed it; a second spelling that differs only in case is the
 * same tag (the column is NOCASE), so "Climate" and "climate" never become two.
 */

const statements = statementCache((db) => ({
  ofAnnotation: db
    .prepare<[string], string>('SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY tag')
    .pluck(),
  ofArticle: db.prepare<[number], { annotation_id: string; tag: string }>(
    `SELECT t.annotation_id, t.tag FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id
     WHERE a.article_id = ? ORDER BY t.annotation_id, t.tag`,
  ),
  exists: db.prepare<[string], 1>('SELECT 1 FROM annotations WHERE id = ?').pluck(),
  clear: db.prepare<[string]>('DELETE FROM annotation_tags WHERE annotation_id = ?'),
  add: db.prepare<[string, string]>('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag) VALUES (?, ?)'),
  spelling: db.prepare<[string], string>('SELECT tag FROM annotation_tags WHERE tag = ? LIMIT 1').pluck(),
  counts: db.prepare<[], { tag: string; count: number }>(
    'SELECT min(tag) AS tag, count(*) AS count FROM annotation_tags GROUP BY tag ORDER BY count(*) DESC, tag',
  ),
}));

/** One highlight's tags, sorted. */
export function tagsOf(db: Database, annotationId: string): string[] {
  return statements(db).ofAnnotation.all(annotationId);
}

/** The tags of every highlight of an article, by highlight id (highlights without tags are absent). */
export function tagsOfArticle(db: Database, articleId: number): Map<string, string[]> {
  const byAnnotation = new Map<string, string[]>();
  for (const { annotation_id, tag } of statements(db).ofArticle.all(articleId)) {
    const tags = byAnnotation.get(annotation_id);
    if (tags) tags.push(tag);
    else byAnnotation.set(annotation_id, [tag]);
  }
  return byAnnotation;
}

/** Trims a tag as typed and folds inner whitespace to single spaces; '' when nothing is left. */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ');
}

/**
 * Replaces a highlight's tags, in one transaction; NotFoundError for an unknown highlight. A tag already used
 * elsewhere in another case keeps its first spelling. Returns the stored tags, sorted.
 */
export function setTags(db: Database, annotationId: string, tags: readonly string[]): string[] {
  return db.transaction(() => {
    const s = statements(db);
    if (s.exists.get(annotationId) === undefined) throw new NotFoundError(`No annotation with id ${annotationId}`);
    s.clear.run(annotationId);
    for (const typed of tags.slice(0, limits.tagsPerAnnotation)) {
      const tag = normaliseTag(typed);
      if (tag === '') continue;
      s.add.run(annotationId, s.spelling.get(tag) ?? tag);
    }
    return s.ofAnnotation.all(annotationId);
  })();
}

/** Every tag in use with how many highlights carry it, most used first: the suggestions and the tag filter. */
export function listTagCounts(db: Database): TagCount[] {
  return statements(db).counts.all();
}
