import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Annotation, Article } from '../../common/model.ts';
import { createAnnotation, deleteAnnotation, getAnnotation, listAnnotations } from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { NotFoundError } from '../../db/errors.ts';
import { listTagCounts, setTags, tagCountsSql } from '../../db/tags.ts';
import { selectorsIn } from './fixtures.ts';
import { makeTempDir } from './temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
let article: Article;

const content = 'The heron stood in the shallows. By noon it had caught nothing. The ferry left at four.';

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'tags.db'));
  article = insertArticle(db, { title: 'Herons', source: 'test:herons', format: 'text', content });
});

afterEach(() => {
  closeDatabase(db, console.warn);
  temp.cleanup();
});

function highlight(exact: string): Annotation {
  return createAnnotation(db, { articleId: article.id, color: 'yellow', selectors: selectorsIn(content, exact) });
}

describe('setTags', () => {
  it('stores tags trimmed, with inner spaces folded, blanks dropped, each once whatever its case, sorted', () => {
    const heron = highlight('The heron');
    const stored = setTags(db, heron.id, [
      '  birds ',
      'wading   birds',
      '',
      '   ',
      'Birds',
      'BIRDS',
      'Économie',
      'économie',
    ]);
    expect(stored).toEqual(['birds', 'wading birds', 'Économie']);
    expect(getAnnotation(db, heron.id).tags).toEqual(stored);
    expect(listAnnotations(db, article.id)[0]?.tags).toEqual(stored);
  });

  it('drops control characters, so a tag of only a NUL (as an imported file may hold) is blank, not an error', () => {
    const heron = highlight('The heron');
    // SQLite's length() stops at a NUL: stored as is, "\u0000" would fail the 1-to-100-characters check.
    expect(setTags(db, heron.id, ['\u0000', 'wading\u0000birds', '\u0007bell\u001f'])).toEqual([
      'bell',
      'wading birds',
    ]);
    expect(listTagCounts(db).map((t) => t.tag)).toEqual(['bell', 'wading birds']);
  });

  it('keeps the first spelling of a tag already in use, in ASCII and in other letters', () => {
    const heron = highlight('The heron');
    const ferry = highlight('The ferry');
    setTags(db, heron.id, ['Climate', 'Été']);
    expect(setTags(db, ferry.id, ['climate', 'ÉTÉ', 'été'])).toEqual(['Climate', 'Été']);
    expect(listTagCounts(db)).toEqual([
      { tag: 'Climate', count: 2 },
      { tag: 'Été', count: 2 },
    ]);
  });

  it('re-cases a tag that only this highlight uses, since no other spelling holds it', () => {
    const heron = highlight('The heron');
    setTags(db, heron.id, ['climate']);
    expect(setTags(db, heron.id, ['Climate'])).toEqual(['Climate']);
  });

  it('replaces the tags: the old ones go, an empty list clears them', () => {
    const heron = highlight('The heron');
    setTags(db, heron.id, ['birds', 'morning']);
    expect(setTags(db, heron.id, ['morning', 'rivers'])).toEqual(['morning', 'rivers']);
    expect(setTags(db, heron.id, [])).toEqual([]);
    expect(getAnnotation(db, heron.id).tags).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM annotation_tags').pluck().get()).toBe(0);
  });

  it('bumps the highlight’s updated_at and leaves the rest of it as it was', async () => {
    const heron = highlight('The heron');
    await new Promise((resolve) => setTimeout(resolve, 5));
    setTags(db, heron.id, ['birds']);
    const after = getAnnotation(db, heron.id);
    expect(after).toEqual({ ...heron, tags: ['birds'], updatedAt: after.updatedAt });
    expect(after.updatedAt > heron.updatedAt).toBe(true);
  });

  it('refuses an unknown highlight with NotFoundError and stores nothing', () => {
    expect(() => setTags(db, crypto.randomUUID(), ['birds'])).toThrow(NotFoundError);
    expect(listTagCounts(db)).toEqual([]);
  });

  it('goes with its highlight when the highlight is deleted', () => {
    const heron = highlight('The heron');
    setTags(db, heron.id, ['birds']);
    deleteAnnotation(db, heron.id);
    expect(listTagCounts(db)).toEqual([]);
  });

  it('writes all of the change or none of it', () => {
    const heron = highlight('The heron');
    setTags(db, heron.id, ['birds']);
    const before = getAnnotation(db, heron.id);
    // The CHECK refuses a tag over 100 characters (the IPC schema refuses it first): nothing changes, not even the time.
    expect(() => setTags(db, heron.id, ['rivers', 'x'.repeat(101)])).toThrow(/CHECK/);
    expect(getAnnotation(db, heron.id)).toEqual(before);
  });
});

describe('listTagCounts', () => {
  it('lists every tag in use with its number of highlights, most used first, then by name; unused tags go', () => {
    const heron = highlight('The heron');
    const noon = highlight('By noon');
    const ferry = highlight('The ferry');
    setTags(db, heron.id, ['rivers', 'birds']);
    setTags(db, noon.id, ['Birds', 'time']);
    setTags(db, ferry.id, ['time', 'boats', 'Birds']);
    expect(listTagCounts(db)).toEqual([
      { tag: 'birds', count: 3 },
      { tag: 'time', count: 2 },
      { tag: 'boats', count: 1 },
      { tag: 'rivers', count: 1 },
    ]);
    setTags(db, heron.id, ['birds']);
    expect(listTagCounts(db).map((t) => t.tag)).toEqual(['birds', 'time', 'boats']);
  });

  it('reads the tag index, not the table', () => {
    const plan = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${tagCountsSql}`)
      .all()
      .map((row) => row.detail);
    expect(plan.join('\n')).toMatch(/SCAN annotation_tags USING COVERING INDEX annotation_tags_by_tag/);
  });
});
