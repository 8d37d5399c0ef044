import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Article, HighlightColor, Selector } from '../../common/model.ts';
import {
  type AnnotationRow,
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  listAnnotations,
  listAnnotationsSql,
  updateAnnotation,
} from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { NotFoundError } from '../../db/errors.ts';
import { sampleContent, selectorsAt } from './fixtures.ts';
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

function rawRow(id: string): AnnotationRow | undefined {
  return db.prepare<[string], AnnotationRow>('SELECT * FROM annotations WHERE id = ?').get(id);
}

function counts(): { articles: unknown; annotations: unknown } {
  return {
    articles: db.prepare('SELECT count(*) FROM articles').pluck().get(),
    annotations: db.prepare('SELECT count(*) FROM annotations').pluck().get(),
  };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('annotations', () => {
  it('round-trips a created annotation and fills the derived columns', () => {
    const selectors = selectorsAt(4, 'quick', 'The ', ' brown');
    const created = createAnnotation(db, { articleId: article.id, color: 'green', selectors, note: 'fast' });
    expect(created).toMatchObject({ articleId: article.id, color: 'green', selectors, note: 'fast' });
    expect(created.id).toMatch(uuid);
    expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);
    expect(created.updatedAt).toBe(created.createdAt);
    expect(getAnnotation(db, created.id)).toEqual(created);
    expect(listAnnotations(db, article.id)).toEqual([created]);
    expect(rawRow(created.id)).toMatchObject({ quote: 'quick', start_offset: 4 });
  });

  it('defaults the note to empty and stores a quote-only annotation without an offset', () => {
    const selectors: Selector[] = [{ type: 'TextQuoteSelector', exact: 'lazy', prefix: '', suffix: '' }];
    const created = createAnnotation(db, { articleId: article.id, color: 'blue', selectors });
    expect(created.note).toBe('');
    expect(rawRow(created.id)).toMatchObject({ quote: 'lazy', start_offset: null });
  });

  it('lists in document order of the stored offset, then creation; position-less last', () => {
    const make = (selectors: Selector[]) =>
      createAnnotation(db, { articleId: article.id, color: 'yellow', selectors }).id;
    const noPosition = make([{ type: 'TextQuoteSelector', exact: 'dog', prefix: '', suffix: '' }]);
    const late = make(selectorsAt(37, 'lazy'));
    const early = make(selectorsAt(0, 'The'));
    const middleFirst = make(selectorsAt(10, 'brown'));
    const middleSecond = make(selectorsAt(10, 'brown fox'));
    expect(listAnnotations(db, article.id).map((a) => a.id)).toEqual([
      early,
      middleFirst,
      middleSecond,
      late,
      noPosition,
    ]);
  });

  it('keeps each article’s annotations apart, and refuses to list for an unknown article', () => {
    const other = insertArticle(db, { title: 'Other', source: 'other', format: 'text', content: sampleContent });
    createAnnotation(db, { articleId: article.id, color: 'yellow', selectors: selectorsAt(0, 'The') });
    expect(listAnnotations(db, other.id)).toEqual([]);
    expect(() => listAnnotations(db, 999)).toThrow(new NotFoundError('No article with id 999'));
  });

  it('applies a partial update, bumps updated_at and keeps quote and offset in sync with the selectors', async () => {
    const created = createAnnotation(db, {
      articleId: article.id,
      color: 'yellow',
      selectors: selectorsAt(4, 'quick'),
      note: 'n',
    });
    await new Promise((resolve) => setTimeout(resolve, 5));

    const recoloured = updateAnnotation(db, created.id, { color: 'pink' });
    expect(recoloured).toMatchObject({
      color: 'pink',
      note: 'n',
      selectors: created.selectors,
      createdAt: created.createdAt,
    });
    expect(recoloured.updatedAt > created.updatedAt).toBe(true);

    const renoted = updateAnnotation(db, created.id, { note: '' });
    expect(renoted).toMatchObject({ color: 'pink', note: '' });

    const moved = updateAnnotation(db, created.id, { selectors: selectorsAt(42, 'dog') });
    expect(moved).toMatchObject({ color: 'pink', note: '', selectors: selectorsAt(42, 'dog') });
    expect(rawRow(created.id)).toMatchObject({ quote: 'dog', start_offset: 42 });

    const orphaned = updateAnnotation(db, created.id, {
      selectors: [{ type: 'TextQuoteSelector', exact: 'fox', prefix: '', suffix: '' }],
    });
    expect(orphaned.selectors).toHaveLength(1);
    expect(rawRow(created.id)).toMatchObject({ quote: 'fox', start_offset: null });
    expect(getAnnotation(db, created.id)).toEqual(orphaned);
  });

  it('deletes and returns the deleted annotation', () => {
    const created = createAnnotation(db, { articleId: article.id, color: 'purple', selectors: selectorsAt(0, 'The') });
    expect(deleteAnnotation(db, created.id)).toEqual(created);
    expect(rawRow(created.id)).toBeUndefined();
    expect(listAnnotations(db, article.id)).toEqual([]);
  });

  it('throws NotFoundError for unknown ids and writes nothing', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const before = counts();
    expect(() => getAnnotation(db, id)).toThrow(new NotFoundError(`No annotation with id ${id}`));
    expect(() => updateAnnotation(db, id, { note: 'x' })).toThrow(NotFoundError);
    expect(() => deleteAnnotation(db, id)).toThrow(NotFoundError);
    expect(() => createAnnotation(db, { articleId: 999, color: 'yellow', selectors: selectorsAt(0, 'The') })).toThrow(
      new NotFoundError('No article with id 999'),
    );
    expect(counts()).toEqual(before);
  });

  it('refuses to delete an article that has annotations, keeping both', () => {
    const created = createAnnotation(db, { articleId: article.id, color: 'yellow', selectors: selectorsAt(0, 'The') });
    expect(() => db.prepare('DELETE FROM articles WHERE id = ?').run(article.id)).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(counts()).toEqual({ articles: 1, annotations: 1 });
    expect(getAnnotation(db, created.id)).toEqual(created);
  });

  it('leaves nothing behind when a multi-step write fails halfway', () => {
    const before = counts();
    const importWithHighlight = db.transaction(() => {
      const imported = insertArticle(db, { title: 'New', source: 'new', format: 'text', content: 'abc' });
      createAnnotation(db, {
        articleId: imported.id,
        color: 'red' as HighlightColor,
        selectors: selectorsAt(0, 'abc'),
      });
    });
    expect(() => importWithHighlight()).toThrow(/CHECK constraint failed/);
    expect(counts()).toEqual(before);
  });

  it('refuses rows the schema forbids even when written around the data layer', () => {
    const insert = db.prepare(
      `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'q', ?, 'x', 'x')`,
    );
    expect(() => insert.run('a', article.id, 'yellow', '{not json', 0)).toThrow(/CHECK/);
    expect(() => insert.run('b', article.id, 'yellow', '{"type":"TextQuoteSelector"}', 0)).toThrow(/CHECK/);
    expect(() => insert.run('c', article.id, 'yellow', '[]', -1)).toThrow(/CHECK/);
    expect(() => insert.run('d', article.id, 'yellow', '[]', 'twelve')).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(() => insert.run('e', 999, 'yellow', '[]', 0)).toThrow(/FOREIGN KEY/);
    expect(counts().annotations).toBe(0);
  });

  it('lists through the (article_id, start_offset) index', () => {
    const plan = db
      .prepare<[number], { detail: string }>(`EXPLAIN QUERY PLAN ${listAnnotationsSql}`)
      .all(article.id)
      .map((row) => row.detail);
    expect(plan.join('\n')).toMatch(/SEARCH annotations USING INDEX annotations_by_article_position \(article_id=\?\)/);
    expect(plan.join('\n')).not.toMatch(/SCAN annotations/);
  });

  it('stays ordered and quick with thousands of annotations', () => {
    const other = insertArticle(db, { title: 'Other', source: 'other', format: 'text', content: 'x'.repeat(50_000) });
    const third = insertArticle(db, { title: 'Third', source: 'third', format: 'text', content: 'x'.repeat(50_000) });
    db.transaction(() => {
      for (let i = 0; i < 5_000; i += 1) {
        const start = (i * 7919) % 49_000;
        createAnnotation(db, {
          articleId: i % 2 ? third.id : other.id,
          color: 'yellow',
          selectors: selectorsAt(start, 'x'.repeat(10)),
        });
      }
    })();
    const started = performance.now();
    const list = listAnnotations(db, other.id);
    const elapsed = performance.now() - started;
    expect(list).toHaveLength(2_500);
    const offsets = list.map((a) => (a.selectors[1] as { start: number }).start);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    // Generous bound: this guards against an accidental full scan or per-row query, not against a slow machine.
    expect(elapsed).toBeLessThan(1_000);
  });
});
