import type { Database } from 'better-sqlite3';

import { limits, type TagCount } from '../common/model.ts';
import { normaliseTag } from '../common/tag-text.ts';
import { NotFoundError } from './errors.ts';
import { statementCache } from './statement-cache.ts';

/**
 * Highlights' tags. A tag is stored as the user first typed it; a later spelling that differs only in case is the
 * same tag, so "Climate" and "climate" never become two. The column is NOCASE, which folds ASCII letters only, so
 * the spelling already in use is looked up here for other letters too ("Économie" and "économie").
 */

/** Tags in use with their counts, most used first, exported so a test can check that it reads the tag index. */
export const tagCountsSql =
  'SELECT min(tag) AS tag, count(*) AS count FROM annotation_tags GROUP BY tag ORDER BY count(*) DESC, tag';

const statements = statementCache((db) => ({
  ofAnnotation: db
    .prepare<[string], string>('SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY tag')
    .pluck(),
  ofArticle: db.prepare<[number], { annotation_id: string; tag: string }>(
    `SELECT t.annotation_id, t.tag FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id
     WHERE a.article_id = ? ORDER BY t.annotation_id, t.tag`,
  ),
  // A change of tags is a change of the highlight: its updated_at says when it was last edited.
  touch: db.prepare<[string, string]>('UPDATE annotations SET updated_at = ? WHERE id = ?'),
  clear: db.prepare<[string]>('DELETE FROM annotation_tags WHERE annotation_id = ?'),
  add: db.prepare<[string, string]>('INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)'),
  spelling: db.prepare<[string], string>('SELECT tag FROM annotation_tags WHERE tag = ? LIMIT 1').pluck(),
  // Only tags with a letter outside ASCII can differ from another in a case NOCASE does not fold.
  beyondAscii: db.prepare<[], string>("SELECT DISTINCT tag FROM annotation_tags WHERE tag GLOB '*[^ -~]*'").pluck(),
  counts: db.prepare<[], { tag: string; count: number }>(tagCountsSql),
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

export { normaliseTag };

const asciiOnly = /^[\x20-\x7e]*$/;

/** The spelling under which a normalised tag is stored, whatever its case, or the tag itself when none uses it. */
export function storedSpelling(db: Database, tag: string): string {
  const s = statements(db);
  const found = s.spelling.get(tag);
  if (found !== undefined || asciiOnly.test(tag)) return found ?? tag;
  const folded = tag.toLowerCase();
  return s.beyondAscii.all().find((known) => known.toLowerCase() === folded) ?? tag;
}

/**
 * Replaces a highlight's tags, in one transaction, and bumps its `updated_at`; NotFoundError for an unknown
 * highlight. Tags are normalised (normaliseTag), blank ones dropped, each kept once whatever its case; a tag
 * already used elsewhere in another case keeps its first spelling. Returns the stored tags, sorted.
 */
export function setTags(db: Database, annotationId: string, tags: readonly string[]): string[] {
  return db.transaction(() => {
    const s = statements(db);
    if (s.touch.run(new Date().toISOString(), annotationId).changes === 0) {
      throw new NotFoundError(`No annotation with id ${annotationId}`);
    }
    s.clear.run(annotationId);
    // Spellings of one tag resolve to the same stored spelling, so this keeps each tag once.
    const added = new Set<string>();
    for (const typed of tags.slice(0, limits.tagsPerAnnotation)) {
      const tag = normaliseTag(typed);
      if (tag === '') continue;
      const spelling = storedSpelling(db, tag);
      if (added.has(spelling)) continue;
      s.add.run(annotationId, spelling);
      added.add(spelling);
    }
    return s.ofAnnotation.all(annotationId);
  })();
}

/** Every tag in use with how many highlights carry it, most used first: the suggestions and the tag filter. */
export function listTagCounts(db: Database): TagCount[] {
  return statements(db).counts.all();
}
