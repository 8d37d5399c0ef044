import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Article } from '../../common/model.ts';
import { restoreDeletedAnnotation, restoreReplacedSelectors } from '../../db/annotation-undo.ts';
import { createAnnotation, deleteAnnotation, getAnnotation, listAnnotations } from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { ConflictError, NotFoundError } from '../../db/errors.ts';
import { searchLibrary } from '../../db/search.ts';
import { setTags } from '../../db/tags.ts';
import { sampleContent, selectorsIn } from './fixtures.ts';
import { makeTempDir } from './temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
let article: Article;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'test.db'));
  article = insertArticle(db, { title: 'Fox', source: 'fox', format: 'text', content: sampleContent });
});

afterEach(() => {
  closeDatabase(db, console.warn);
  temp.cleanup();
});

const noteHits = (text: string) =>
  searchLibrary(db, text).groups.flatMap((group) =>
    group.hits.filter((hit) => hit.kind !== 'text' && hit.kind !== 'title'),
  );

describe('undoing a highlight’s deletion', () => {
  it('brings it back exactly as it was: id, colour, note, tags, dates, and found by search again', () => {
    const made = createAnnotation(db, {
      articleId: article.id,
      color: 'green',
      selectors: selectorsIn(sampleContent, 'lazy dog'),
      note: 'sleepy hound',
    });
    setTags(db, made.id, ['animals']);
    const before = getAnnotation(db, made.id);
    const deleted = deleteAnnotation(db, made.id);
    expect(noteHits('sleepy')).toEqual([]);

    expect(restoreDeletedAnnotation(db, deleted)).toEqual(before);
    expect(listAnnotations(db, article.id)).toEqual([before]);
    expect(noteHits('sleepy')).toHaveLength(1);
  });

  it('is refused, changing nothing, when the highlight is already back or its article has gone', () => {
    const made = createAnnotation(db, {
      articleId: article.id,
      color: 'blue',
      selectors: selectorsIn(sampleContent, 'fox'),
    });
    const deleted = deleteAnnotation(db, made.id);
    restoreDeletedAnnotation(db, deleted);
    expect(() => restoreDeletedAnnotation(db, deleted)).toThrow(ConflictError);
    expect(listAnnotations(db, article.id)).toHaveLength(1);

    deleteAnnotation(db, made.id);
    db.prepare('DELETE FROM articles WHERE id = ?').run(article.id);
    expect(() => restoreDeletedAnnotation(db, deleted)).toThrow(NotFoundError);
    expect(db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(0);
  });
});

describe('undoing a re-attach', () => {
  it('puts back selectors that no longer fit the text (an orphan’s), with its quote searchable again', () => {
    const made = createAnnotation(db, {
      articleId: article.id,
      color: 'pink',
      selectors: selectorsIn(sampleContent, 'quick brown'),
    });
    const orphanQuote = [
      { type: 'TextQuoteSelector' as const, exact: 'a sentence since rewritten', prefix: '', suffix: '' },
    ];
    const restored = restoreReplacedSelectors(db, made.id, orphanQuote);
    expect(restored.selectors).toEqual(orphanQuote);
    expect(getAnnotation(db, made.id).selectors).toEqual(orphanQuote);
    expect(noteHits('rewritten')).toHaveLength(1);
    expect(noteHits('quick')).toEqual([]);
  });

  it('is refused for a highlight deleted since', () => {
    const made = createAnnotation(db, {
      articleId: article.id,
      color: 'pink',
      selectors: selectorsIn(sampleContent, 'fox'),
    });
    deleteAnnotation(db, made.id);
    expect(() => restoreReplacedSelectors(db, made.id, made.selectors)).toThrow(NotFoundError);
  });
});
