import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Annotation, Article, HighlightColor, LibraryHighlight } from '../../common/model.ts';
import { type AnnotationRow, createAnnotation, deleteAnnotation } from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import {
  chosenPageSource,
  type HighlightFilter,
  highlightPageQuery,
  highlightTuning,
  InvalidCursorError,
  listAllHighlights,
  type PageSource,
} from '../../db/highlights.ts';
import { setTags } from '../../db/tags.ts';
import { selectorsIn } from './fixtures.ts';
import { makeTempDir } from './temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'highlights.db'));
});

afterEach(() => {
  closeDatabase(db, console.warn);
  temp.cleanup();
});

let sources = 0;
function article(title: string, content: string): Article {
  sources += 1;
  return insertArticle(db, { title, source: `test:${sources}`, format: 'text', content });
}

/** A clock for created_at, a minute a highlight, so "newest first" is a known order. */
let minute = 0;
function highlight(
  of: Article,
  exact: string,
  options: { color?: HighlightColor; note?: string; tags?: string[]; at?: string } = {},
): Annotation {
  const created = createAnnotation(db, {
    articleId: of.id,
    color: options.color ?? 'yellow',
    selectors: selectorsIn(of.content, exact),
    note: options.note ?? '',
  });
  minute += 1;
  const at = options.at ?? new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();
  db.prepare('UPDATE annotations SET created_at = ?, updated_at = ? WHERE id = ?').run(at, at, created.id);
  if (options.tags) setTags(db, created.id, options.tags);
  return { ...created, createdAt: at };
}

function quotes(items: readonly LibraryHighlight[]): string[] {
  return items.map((item) => item.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '');
}

function listed(filter: HighlightFilter = {}): string[] {
  return quotes(listAllHighlights(db, filter).items);
}

/** Every page of a filter, following the cursors. */
function allPages(filter: HighlightFilter): LibraryHighlight[][] {
  const pages: LibraryHighlight[][] = [];
  let after: string | undefined;
  do {
    const page = listAllHighlights(db, { ...filter, ...(after !== undefined ? { after } : {}) });
    pages.push(page.items);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return pages;
}

const riverText =
  'The heron stood in the shallows all morning. By noon it had caught nothing. It flew east toward the old mill.';
const cafeText = 'The café opened at dawn. Nobody came until noon. Élodie wrote her novel by the window.';

describe('listAllHighlights', () => {
  it('lists every article’s highlights newest first, each with its article’s title and its tags', () => {
    const river = article('River notes', riverText);
    const cafe = article('Café society', cafeText);
    const heron = highlight(river, 'The heron', { tags: ['birds', 'Morning'] });
    highlight(cafe, 'The café', { note: 'Which café?' });
    highlight(river, 'the old mill', { color: 'green' });

    const { items, next } = listAllHighlights(db, {});
    expect(next).toBeNull();
    expect(quotes(items)).toEqual(['the old mill', 'The café', 'The heron']);
    expect(items.map((item) => item.articleTitle)).toEqual(['River notes', 'Café society', 'River notes']);
    const row = db.prepare<[string], AnnotationRow>('SELECT * FROM annotations WHERE id = ?').get(heron.id);
    expect(items[2]).toEqual({
      id: heron.id,
      articleId: river.id,
      color: 'yellow',
      selectors: heron.selectors,
      note: '',
      tags: ['birds', 'Morning'],
      createdAt: heron.createdAt,
      updatedAt: row?.updated_at,
      articleTitle: 'River notes',
    });
    expect(items[1]?.note).toBe('Which café?');
  });

  it('orders highlights made in the same millisecond by id, highest first', () => {
    const river = article('River notes', riverText);
    const at = '2025-05-05T10:00:00.000Z';
    const made = ['The heron', 'the shallows', 'By noon', 'the old mill'].map((exact) =>
      highlight(river, exact, { at }),
    );
    const ids = made
      .map((h) => h.id)
      .sort()
      .reverse();
    expect(listAllHighlights(db, {}).items.map((item) => item.id)).toEqual(ids);
    // Pages of one still cut between them without losing or repeating any.
    expect(
      allPages({ limit: 1 })
        .flat()
        .map((item) => item.id),
    ).toEqual(ids);
  });

  it('is an empty page for an empty library', () => {
    expect(listAllHighlights(db, {})).toEqual({ items: [], next: null });
  });

  describe('pages', () => {
    it('gives pages of `limit` whose cursors lead through every highlight once; the last has no next', () => {
      const river = article('River notes', riverText);
      const phrases = ['The heron', 'stood', 'the shallows', 'all morning', 'By noon', 'caught nothing', 'flew east'];
      for (const phrase of phrases) highlight(river, phrase);
      const pages = allPages({ limit: 3 });
      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(quotes(pages.flat())).toEqual([...phrases].reverse());
    });

    it('has no next after a page that ends exactly at the last highlight', () => {
      const river = article('River notes', riverText);
      for (const phrase of ['The heron', 'stood', 'the shallows', 'all morning']) highlight(river, phrase);
      expect(allPages({ limit: 2 }).map((page) => page.length)).toEqual([2, 2]);
    });

    it('lists 100 a page when no limit is given', () => {
      const words = Array.from({ length: 101 }, (_, i) => `word${i}`);
      const long = article('Long', words.join(' '));
      db.transaction(() => words.forEach((word) => highlight(long, word)))();
      const first = listAllHighlights(db, {});
      expect(first.items).toHaveLength(100);
      expect(first.next).not.toBeNull();
      expect(listAllHighlights(db, { after: first.next ?? '' }).items).toHaveLength(1);
    });

    it('continues where it was when highlights are made or deleted between pages', () => {
      const river = article('River notes', riverText);
      const phrases = ['The heron', 'stood', 'the shallows', 'all morning', 'By noon', 'caught nothing'];
      const made = phrases.map((phrase) => highlight(river, phrase));
      const first = listAllHighlights(db, { limit: 3 });
      expect(quotes(first.items)).toEqual(['caught nothing', 'By noon', 'all morning']);
      // A new highlight goes to the top; the last one shown and one still to come are deleted.
      highlight(river, 'flew east');
      deleteAnnotation(db, made[3]!.id);
      deleteAnnotation(db, made[1]!.id);
      const second = listAllHighlights(db, { limit: 3, after: first.next ?? '' });
      expect(quotes(second.items)).toEqual(['the shallows', 'The heron']);
      expect(second.next).toBeNull();
    });

    it('refuses a cursor it did not give out', () => {
      for (const after of ['', 'not a cursor', Buffer.from('{"a":1}').toString('base64url'), '%%%']) {
        expect(() => listAllHighlights(db, { after })).toThrow(InvalidCursorError);
      }
    });
  });

  describe('filters', () => {
    let river: Article;
    let cafe: Article;

    beforeEach(() => {
      river = article('River notes', riverText);
      cafe = article('Café society', cafeText);
      highlight(river, 'The heron', { color: 'green', tags: ['birds', 'Économie'] });
      highlight(river, 'all morning', { color: 'blue', note: 'Patience of a saint', tags: ['time'] });
      highlight(river, 'By noon', { color: 'yellow', tags: ['time', 'Birds'] });
      highlight(cafe, 'The café', { color: 'pink', note: 'Où est-ce ?' });
      highlight(cafe, 'Élodie wrote her novel', { color: 'green', tags: ['books'] });
      highlight(cafe, 'until noon', { color: 'purple', note: 'The (quiet) AND "empty" hours' });
    });

    it('by colours: any of them', () => {
      expect(listed({ colors: ['green'] })).toEqual(['Élodie wrote her novel', 'The heron']);
      expect(listed({ colors: ['pink', 'blue', 'pink'] })).toEqual(['The café', 'all morning']);
      expect(listed({ colors: [] })).toHaveLength(6);
    });

    it('by a tag, in any case, in ASCII and in other letters; a tag nobody uses lists nothing', () => {
      expect(listed({ tag: 'BIRDS' })).toEqual(['By noon', 'The heron']);
      expect(listed({ tag: '  time ' })).toEqual(['By noon', 'all morning']);
      expect(listed({ tag: 'économie' })).toEqual(['The heron']);
      expect(listed({ tag: 'fish' })).toEqual([]);
      expect(listed({ tag: '   ' })).toHaveLength(6);
    });

    it('by words in the quote or the note, ignoring case and accents, the last word a prefix, every word needed', () => {
      expect(listed({ text: 'NOON' })).toEqual(['until noon', 'By noon']);
      expect(listed({ text: 'elodie' })).toEqual(['Élodie wrote her novel']);
      expect(listed({ text: 'ou est' })).toEqual(['The café']);
      expect(listed({ text: 'patien' })).toEqual(['all morning']);
      expect(listed({ text: 'noon quiet' })).toEqual(['until noon']);
      expect(listed({ text: 'noon nothing' })).toEqual([]);
      // Only the last word is a prefix.
      expect(listed({ text: 'patien saint' })).toEqual([]);
    });

    it('takes any text as words, never as query syntax, and text without words as no filter', () => {
      expect(listed({ text: '"empty" AND (quiet' })).toEqual(['until noon']);
      expect(listed({ text: '(noon) "quiet' })).toEqual(['until noon']);
      // OR is a word the highlights do not have, not an operator.
      expect(listed({ text: 'noon OR heron' })).toEqual([]);
      expect(listed({ text: 'noon*' })).toEqual(['until noon', 'By noon']);
      expect(listed({ text: '  ' })).toHaveLength(6);
      expect(listed({ text: '!!! ???' })).toHaveLength(6);
    });

    it('combines colours, a tag and words', () => {
      expect(listed({ colors: ['yellow', 'green'], tag: 'birds' })).toEqual(['By noon', 'The heron']);
      expect(listed({ colors: ['yellow', 'green'], tag: 'birds', text: 'heron' })).toEqual(['The heron']);
      expect(listed({ colors: ['blue'], tag: 'birds' })).toEqual([]);
    });

    it('pages through a filtered list', () => {
      expect(allPages({ colors: ['green', 'yellow', 'pink'], limit: 1 }).map(quotes)).toEqual([
        ['Élodie wrote her novel'],
        ['The café'],
        ['By noon'],
        ['The heron'],
      ]);
    });

    it('finds words of scripts without spaces, short and long', () => {
      const japanese = article('日本', '今日は良い天気です。明日は雨が降るでしょう。');
      highlight(japanese, '良い天気です', { note: '晴れ' });
      highlight(japanese, '明日は雨');
      expect(listed({ text: '天気' })).toEqual(['良い天気です']);
      expect(listed({ text: '日は雨' })).toEqual(['明日は雨']);
      expect(listed({ text: '晴れ' })).toEqual(['良い天気です']);
    });
  });

  describe('where the rows come from', () => {
    /** The page as listed from one source, whichever the function itself would choose. */
    function fromSource(filter: HighlightFilter, source: PageSource): string[] {
      const { sql, params } = highlightPageQuery(filter, source);
      return db
        .prepare<[typeof params], { quote: string }>(sql)
        .all(params)
        .map((row) => row.quote);
    }

    function planOf(filter: HighlightFilter, source: PageSource): string {
      const { sql, params } = highlightPageQuery(filter, source);
      return db
        .prepare<[typeof params], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(params)
        .map((row) => row.detail)
        .join('\n');
    }

    it('lists the same highlights from the created index, the tag index, the word index and the colour index', () => {
      const river = article('River notes', riverText);
      const cafe = article('Café society', cafeText);
      highlight(river, 'The heron', { tags: ['noon'], note: 'noon heron' });
      highlight(river, 'By noon', { tags: ['noon'] });
      highlight(cafe, 'until noon', { color: 'green', tags: ['Noon'] });
      highlight(cafe, 'The café', { tags: ['other'], note: 'a noon visit' });
      highlight(river, 'caught nothing', { tags: ['noon'], note: 'nothing at noon' });
      const after = listAllHighlights(db, { limit: 1 }).next ?? '';
      for (const filter of [
        { tag: 'NOON', text: 'noon' },
        { tag: 'noon', text: 'noon', colors: ['yellow'] as HighlightColor[] },
        { tag: 'noon', text: 'noon', after },
        { colors: ['green', 'yellow'] as HighlightColor[] },
        { colors: ['yellow'] as HighlightColor[], after },
      ]) {
        const expected = listed(filter);
        expect(expected.length).toBeGreaterThan(0);
        const sources: PageSource[] = ['created', 'colors'];
        if ('tag' in filter) sources.push('tag');
        if ('text' in filter) sources.push('words');
        for (const source of sources) expect(fromSource(filter, source)).toEqual(expected);
      }
    });

    const cursorAt = (createdAt: string, id: string) =>
      Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

    it('reads a rare colour from the colour index, and a common one by walking the list by date', () => {
      const river = article('River notes', riverText);
      for (let i = 0; i < highlightTuning.driveMax + 1; i += 1) highlight(river, 'The heron');
      highlight(river, 'By noon', { color: 'purple' });
      expect(chosenPageSource(db, { colors: ['purple'] })).toBe('colors');
      expect(chosenPageSource(db, { colors: ['yellow'] })).toBe('created');
      expect(chosenPageSource(db, { colors: ['yellow', 'purple'] })).toBe('created');
      expect(chosenPageSource(db, {})).toBe('created');
      expect(listAllHighlights(db, { colors: ['purple'] }).items.map((item) => item.color)).toEqual(['purple']);
    });

    it('walks annotations_by_created in order, from the cursor, with no sort', () => {
      const after = cursorAt('2025-01-01T00:00:00.000Z', 'x');
      expect(planOf({}, 'created')).toMatch(/^SCAN n USING INDEX annotations_by_created$/m);
      const plan = planOf({ after, colors: ['green'], tag: 'a', text: 'noon' }, 'created');
      expect(plan).toMatch(/SEARCH n USING INDEX annotations_by_created \(\(created_at,id\)<\(\?,\?\)\)/);
      expect(plan).toMatch(/SEARCH annotation_tags USING COVERING INDEX annotation_tags_by_tag \(tag=\?\)/);
      expect(plan).toMatch(/search_words VIRTUAL TABLE INDEX \d+:M/);
      expect(plan).not.toMatch(/TEMP B-TREE|SCAN annotations\b|SCAN a\b/);
    });

    it('reads a rare tag’s or word’s highlights straight from its index', () => {
      const tagPlan = planOf({ tag: 'a', text: 'noon' }, 'tag');
      expect(tagPlan).toMatch(/^SEARCH t USING COVERING INDEX annotation_tags_by_tag \(tag=\?\)/);
      expect(tagPlan).toMatch(/SEARCH n USING INDEX sqlite_autoindex_annotations_1 \(id=\?\)/);
      const wordsPlan = planOf({ tag: 'a', text: 'noon' }, 'words');
      expect(wordsPlan).toMatch(/^SCAN search_words VIRTUAL TABLE INDEX \d+:M/);
      expect(wordsPlan).toMatch(/SEARCH n USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(`${tagPlan}\n${wordsPlan}`).not.toMatch(/SCAN (n|annotations|a)\b/);
      // A rare colour: its own entries of the colour index, in order, with no sort.
      const colorPlan = planOf({ colors: ['purple'] }, 'colors');
      expect(colorPlan).toMatch(/^SEARCH n USING INDEX annotations_by_color \(color=\?\)/);
      expect(colorPlan).not.toMatch(/TEMP B-TREE|SCAN (n|annotations|a)\b/);
      const afterPlan = planOf({ colors: ['purple'], after: cursorAt('2025-01-01T00:00:00.000Z', 'x') }, 'colors');
      expect(afterPlan).toMatch(
        /SEARCH n USING INDEX annotations_by_color \(color=\? AND \(created_at,id\)<\(\?,\?\)\)/,
      );
    });
  });
});
