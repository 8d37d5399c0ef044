import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Article, SearchGroup, SearchHit, SearchResults } from '../../common/model.ts';
import { createAnnotation, deleteAnnotation, updateAnnotation } from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { searchLibrary, searchSql, searchTuning } from '../../db/search.ts';
import { setTags } from '../../db/tags.ts';
import { storeImportedArticle } from '../../electron/core/import-article.ts';
import { parseTextArticle } from '../../electron/core/text-article.ts';
import { selectorsIn } from './fixtures.ts';
import { makeTempDir } from './temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'test.db'));
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

function highlight(of: Article, exact: string, note = '') {
  return createAnnotation(db, { articleId: of.id, color: 'yellow', selectors: selectorsIn(of.content, exact), note });
}

/** The articles found, by title, best first. */
function titles(results: SearchResults): string[] {
  return results.groups.map((group) => group.title);
}

function groupOf(results: SearchResults, of: Article): SearchGroup {
  const group = results.groups.find((candidate) => candidate.articleId === of.id);
  if (!group) throw new Error(`"${of.title}" was not found`);
  return group;
}

function textHits(group: SearchGroup): Extract<SearchHit, { kind: 'text' }>[] {
  return group.hits.filter((hit): hit is Extract<SearchHit, { kind: 'text' }> => hit.kind === 'text');
}

/** The marked words of a hit's snippet. */
function marked(hit: SearchHit): string[] {
  return hit.snippet.filter((part) => part.match).map((part) => part.text);
}

describe('searchLibrary: words', () => {
  it('finds a word in titles and text, whatever its case, and marks it in the snippet', () => {
    const fox = article('The Quick Fox', 'A brown FOX jumps over the lazy dog.');
    article('Unrelated', 'Nothing to see here.');
    const results = searchLibrary(db, '  fox ');
    expect(results.query).toBe('fox');
    expect(titles(results)).toEqual(['The Quick Fox']);
    const group = groupOf(results, fox);
    expect(group.hits.map((hit) => hit.kind)).toEqual(['title', 'text']);
    expect(group.hits.map(marked)).toEqual([['Fox'], ['FOX']]);
    const [hit] = textHits(group);
    expect(hit && fox.content.slice(hit.start, hit.end)).toBe('FOX');
  });

  it('ANDs the words and treats the last one as a prefix while typing', () => {
    article('One', 'Diplomats held talks in Geneva.');
    article('Two', 'Diplomats met in Vienna.');
    expect(titles(searchLibrary(db, 'diplomats gen'))).toEqual(['One']);
    expect(titles(searchLibrary(db, 'diplo'))).toEqual(expect.arrayContaining(['One', 'Two']));
    expect(titles(searchLibrary(db, 'diplomats talks geneva'))).toEqual(['One']);
    // A word other than the last is whole: "diplomat held" finds nothing as words, so it goes to substrings.
    expect(titles(searchLibrary(db, 'diplomats vienna'))).toEqual(['Two']);
    expect(titles(searchLibrary(db, 'talks vienna'))).toEqual([]);
  });

  it('marks the whole word a prefix matched', () => {
    const one = article('One', 'Diplomats held talks.');
    const [hit] = textHits(groupOf(searchLibrary(db, 'diplo'), one));
    expect(hit && marked(hit)).toEqual(['Diplomats']);
    expect(hit && one.content.slice(hit.start, hit.end)).toBe('Diplomats');
  });

  it('spans a text hit over matched words that follow each other, so choosing it flashes the phrase', () => {
    const one = article('One', 'Moscow’s massive troop buildup, along its border. Troops elsewhere.');
    const [hit] = textHits(groupOf(searchLibrary(db, 'troop build'), one));
    expect(hit && one.content.slice(hit.start, hit.end)).toBe('troop buildup');
    expect(hit && marked(hit)).toEqual(['troop', 'buildup']);
    const [apart] = textHits(groupOf(searchLibrary(db, 'massive border'), one));
    expect(apart && one.content.slice(apart.start, apart.end)).toBe('massive');
  });

  it('ignores diacritics both ways, with offsets into the real text', () => {
    const cafe = article('Notes', 'We met at the Café de Flore, a famous cafe.');
    const decomposed = article('Decomposed', 'The cafe\u0301 was closed.');
    for (const query of ['cafe', 'café', 'CAFÉ']) {
      const results = searchLibrary(db, query);
      expect(titles(results).sort()).toEqual(['Decomposed', 'Notes']);
      const hits = textHits(groupOf(results, cafe));
      expect(hits.map((hit) => cafe.content.slice(hit.start, hit.end))).toEqual(['Café', 'cafe'].slice(0, hits.length));
      expect(hits[0] && marked(hits[0])).toEqual(['Café', 'cafe']);
      const [inDecomposed] = textHits(groupOf(results, decomposed));
      expect(inDecomposed && decomposed.content.slice(inDecomposed.start, inDecomposed.end)).toBe('cafe\u0301');
    }
  });

  it('gives offsets in UTF-16 code units after emoji and other astral characters', () => {
    const emoji = article('Emoji', '😀👍🏽 𝒳 then the word target, and 🎉 target again.');
    const hits = textHits(groupOf(searchLibrary(db, 'target'), emoji));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(emoji.content.slice(hit.start, hit.end)).toBe('target');
    expect(hits[0]?.start).toBe(emoji.content.indexOf('target'));
  });

  it('cuts long text into snippets of about a dozen words either side, at word boundaries, with …', () => {
    const words = Array.from({ length: 100 }, (_, index) => `w${index}`);
    words[50] = 'needle';
    const long = article('Long', words.join(' '));
    const [hit] = textHits(groupOf(searchLibrary(db, 'needle'), long));
    const text = hit?.snippet.map((part) => part.text).join('') ?? '';
    expect(text).toBe(`…${words.slice(38, 63).join(' ')}…`);
    expect(hit?.snippet.every((part) => !/[<>]/.test(part.text))).toBe(true);
  });

  it('finds several places in one article, up to the limit, in document order', () => {
    const many = article(
      'Many',
      Array.from({ length: 20 }, (_, i) => `Paragraph ${i} mentions zebra here.`).join('\n\n'),
    );
    const hits = textHits(groupOf(searchLibrary(db, 'zebra'), many));
    expect(hits).toHaveLength(searchTuning.maxTextHits);
    const starts = hits.map((hit) => hit.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const hit of hits) expect(many.content.slice(hit.start, hit.end)).toBe('zebra');
  });
});

describe('searchLibrary: substrings and scripts without spaces', () => {
  it('finds Japanese and Chinese text inside a run, short and long', () => {
    const japanese = article('日本の記事', '日本語の文章です。東京は大きい。');
    article('English', 'Only English here.');
    for (const query of ['文章', '日本語の文章', '東京', '大きい']) {
      const results = searchLibrary(db, query);
      expect(titles(results)).toEqual(['日本の記事']);
      const [hit] = textHits(groupOf(results, japanese));
      expect(hit && japanese.content.slice(hit.start, hit.end)).toBe(query);
      expect(hit && marked(hit)).toEqual([query]);
    }
    expect(titles(searchLibrary(db, '中文'))).toEqual([]);
  });

  it('keeps the marks that make another letter: voiced kana, Korean syllables, Greek and Cyrillic letters', () => {
    const japanese = article('鍵の話', '家のかぎを忘れた。東京ガスの請求書。ぱんを買った。');
    const korean = article('한국어', '서울은 한국의 수도이다. 한국어 문장.');
    const greek = article('Ελληνικά', 'Η Αθήνα είναι πρωτεύουσα.');
    const russian = article('Русский', 'Мой край родной.');
    // The voicing marks are part of the word: が is not か, and each finds only itself.
    for (const [query, found] of [
      ['かぎを', ['鍵の話']],
      ['ガスの', ['鍵の話']],
      ['ぱんを', ['鍵の話']],
      ['かきを', []],
      ['カスの', []],
      ['はんを', []],
    ] as const) {
      expect(titles(searchLibrary(db, query)), query).toEqual(found);
    }
    const [kana] = textHits(groupOf(searchLibrary(db, 'ガスの'), japanese));
    expect(kana && marked(kana)).toEqual(['ガスの']);
    // Korean syllables stay whole, as words and as prefixes.
    for (const query of ['한국의', '한국', '수도이다']) {
      expect(titles(searchLibrary(db, query)), query).toEqual(['한국어']);
    }
    const [hangul] = textHits(groupOf(searchLibrary(db, '수도이다'), korean));
    expect(hangul && marked(hangul)).toEqual(['수도이다']);
    // Greek and Cyrillic letters with their marks are letters of their own to SQLite, and to the search.
    expect(titles(searchLibrary(db, 'Αθήνα'))).toEqual(['Ελληνικά']);
    expect(titles(searchLibrary(db, 'край'))).toEqual(['Русский']);
    expect(textHits(groupOf(searchLibrary(db, 'αθήνα'), greek)).map((hit) => marked(hit))).toEqual([['Αθήνα']]);
    expect(textHits(groupOf(searchLibrary(db, 'край'), russian)).map((hit) => marked(hit))).toEqual([['край']]);
  });

  it('finds a substring inside a word through the trigram index when whole words find nothing', () => {
    const eco = article('Science', 'Paleoecology studies ancient ecosystems.');
    const results = searchLibrary(db, 'ecolog');
    expect(titles(results)).toEqual(['Science']);
    const [hit] = textHits(groupOf(results, eco));
    expect(hit && eco.content.slice(hit.start, hit.end)).toBe('ecolog');
  });

  it('looks for substrings only when whole words and prefixes find nothing', () => {
    article('Inside', 'The word paleocats hides cats inside.'.replace(' hides cats inside', ''));
    article('Whole', 'Here are cats.');
    expect(titles(searchLibrary(db, 'cats'))).toEqual(['Whole']);
    expect(titles(searchLibrary(db, 'ocats'))).toEqual(['Inside']);
    // Too short for trigrams: no substring search.
    expect(titles(searchLibrary(db, 'ts'))).toEqual([]);
  });
});

describe('searchLibrary: what the user types is never query syntax', () => {
  const traps = [
    '"',
    '"unbalanced',
    'fox"',
    '"quick fox"',
    'quick-fox',
    '-fox',
    'fox AND',
    'AND',
    'OR fox',
    'NOT',
    'fox NEAR dog',
    'NEAR(fox dog)',
    'fox*',
    '*',
    '**',
    '(fox',
    'fox)',
    '()',
    'title:fox',
    '{title}:fox',
    '^fox',
    '+fox',
    'fox; DROP TABLE articles',
    "fox' OR '1'='1",
    '😀',
    '🦊 fox',
    '...',
    '!?,;:',
    '',
    '   ',
    '\u0301',
    'a',
    'x'.repeat(500),
  ];

  it.each(traps)('%j answers without an error', (query) => {
    article('Quick fox', 'The quick brown fox jumps over the lazy dog. AND NEAR OR NOT title.');
    const results = searchLibrary(db, query);
    expect(results.query).toBe(query.trim());
    expect(Array.isArray(results.groups)).toBe(true);
  });

  it('searches operators and quoted text as plain words', () => {
    article('Quick fox', 'The quick brown fox jumps over the lazy dog. AND NEAR OR NOT title.');
    article('Other', 'Something else entirely.');
    for (const query of [
      '"quick fox"',
      'quick-fox',
      'fox AND',
      'NEAR(fox dog)',
      'fox*',
      '(fox',
      'title:fox',
      '🦊 fox',
    ]) {
      expect(titles(searchLibrary(db, query)), query).toEqual(['Quick fox']);
    }
    expect(titles(searchLibrary(db, 'NOT'))).toEqual(['Quick fox']);
  });

  it('finds nothing for text without words', () => {
    article('Quick fox', 'The quick brown fox. 😀 ... !!!');
    for (const query of ['', '   ', '😀', '...', '!?,;:', '*', '"', '()']) {
      expect(searchLibrary(db, query).groups, query).toEqual([]);
    }
  });
});

describe('searchLibrary: ranking, grouping, limits', () => {
  it('puts a title match above a body-only match', () => {
    article('A body match', 'This text talks about volcanoes at length, volcanoes everywhere.');
    article('Volcanoes', 'A short text about mountains.');
    expect(titles(searchLibrary(db, 'volcanoes'))).toEqual(['Volcanoes', 'A body match']);
  });

  it('puts a highlighted quote above a body-only match, and groups quote and note hits by article', () => {
    const body = article('Body only', 'Glaciers are melting. Other words here to make it longer and longer.');
    const quoted = article('Quoted', 'Other words first. Glaciers are retreating. Other words here, more words.');
    const annotation = highlight(quoted, 'Glaciers are retreating', 'glaciers matter to me');
    const results = searchLibrary(db, 'glaciers');
    expect(titles(results)).toEqual(['Quoted', 'Body only']);
    const group = groupOf(results, quoted);
    expect(group.hits.map((hit) => hit.kind)).toEqual(['quote', 'note', 'text']);
    expect(group.hits.slice(0, 2)).toEqual([
      {
        kind: 'quote',
        annotationId: annotation.id,
        snippet: [
          { text: 'Glaciers', match: true },
          { text: ' are retreating', match: false },
        ],
      },
      {
        kind: 'note',
        annotationId: annotation.id,
        snippet: [
          { text: 'glaciers', match: true },
          { text: ' matter to me', match: false },
        ],
      },
    ]);
    expect(textHits(groupOf(results, body))).toHaveLength(1);
  });

  it('finds a note on an article whose text does not have the word', () => {
    const fox = article('Fox', 'The quick brown fox.');
    const annotation = highlight(fox, 'quick brown', 'reminds me of Aesop');
    const results = searchLibrary(db, 'aesop');
    expect(groupOf(results, fox).hits).toEqual([
      {
        kind: 'note',
        annotationId: annotation.id,
        snippet: [
          { text: 'reminds me of ', match: false },
          { text: 'Aesop', match: true },
        ],
      },
    ]);
  });

  it('limits the groups and the highlight hits per group', () => {
    db.transaction(() => {
      for (let i = 0; i < searchTuning.maxGroups + 10; i += 1)
        article(`Article ${i}`, `Common word walrus number ${i}.`);
    })();
    const many = article('Many highlights', Array.from({ length: 20 }, (_, i) => `Walrus sentence ${i}.`).join(' '));
    for (let i = 0; i < 10; i += 1) highlight(many, `Walrus sentence ${i}.`);
    const results = searchLibrary(db, 'walrus');
    expect(results.groups).toHaveLength(searchTuning.maxGroups);
    const group = groupOf(results, many);
    expect(group.hits.filter((hit) => hit.kind === 'quote')).toHaveLength(searchTuning.maxAnnotationHits);
    expect(new Set(results.groups.map((g) => g.articleId)).size).toBe(results.groups.length);
  });
});

describe('searchLibrary: tags', () => {
  it('finds highlights by their tags, as words and prefixes, whatever the case, and follows tag changes', () => {
    const fox = article('Fox', 'The quick brown fox jumps over the lazy dog.');
    const other = article('Owls', 'Owls hunt at night.');
    const quick = highlight(fox, 'quick brown');
    const owls = highlight(other, 'hunt at night');
    setTags(db, quick.id, ['Climate policy']);
    setTags(db, owls.id, ['nocturnal']);
    const [group] = searchLibrary(db, 'climate').groups;
    expect(group).toMatchObject({ title: 'Fox', hits: [{ kind: 'tag', annotationId: quick.id }] });
    expect(group?.hits[0]?.snippet).toEqual([
      { text: 'Climate', match: true },
      { text: ' policy', match: false },
    ]);
    expect(titles(searchLibrary(db, 'POLIC'))).toEqual(['Fox']);
    expect(titles(searchLibrary(db, 'policy climate'))).toEqual(['Fox']);
    expect(titles(searchLibrary(db, 'noct'))).toEqual(['Owls']);
    // A tag is words: the inside of one is not a match, and every word must be in the same tag.
    expect(searchLibrary(db, 'limate').groups).toEqual([]);
    expect(searchLibrary(db, 'climate nocturnal').groups).toEqual([]);
    setTags(db, quick.id, []);
    expect(searchLibrary(db, 'climate').groups).toEqual([]);
  });
});

describe('the index follows the library', () => {
  it('follows annotations being created, edited and deleted', () => {
    const fox = article('Fox', 'The quick brown fox.');
    expect(searchLibrary(db, 'aardvark').groups).toEqual([]);
    const annotation = highlight(fox, 'quick brown', 'an aardvark note');
    expect(titles(searchLibrary(db, 'aardvark'))).toEqual(['Fox']);
    updateAnnotation(db, annotation.id, { note: 'a badger note' });
    expect(searchLibrary(db, 'aardvark').groups).toEqual([]);
    expect(titles(searchLibrary(db, 'badger'))).toEqual(['Fox']);
    updateAnnotation(db, annotation.id, { color: 'green' });
    expect(titles(searchLibrary(db, 'badger'))).toEqual(['Fox']);
    deleteAnnotation(db, annotation.id);
    expect(searchLibrary(db, 'badger').groups).toEqual([]);
    expect(searchLibrary(db, 'badg').groups).toEqual([]);
  });

  /** Stores a plain-text file's text under its source, as opening the file does. */
  function importText(source: string, text: string): void {
    const { title, content } = parseTextArticle(text);
    storeImportedArticle(db, source, { title, body: { format: 'text', content }, meta: {}, images: [], notices: [] });
  }

  it('follows a re-import that changes an article’s title and text', () => {
    const source = 'file:///notes.txt';
    importText(source, 'Otters\n\nOtters hold hands while sleeping.');
    expect(titles(searchLibrary(db, 'otters'))).toEqual(['Otters']);
    importText(source, 'Beavers\n\nBeavers build dams.');
    expect(searchLibrary(db, 'otters').groups).toEqual([]);
    expect(searchLibrary(db, 'otte').groups).toEqual([]);
    expect(titles(searchLibrary(db, 'dams'))).toEqual(['Beavers']);
  });

  it('stays unchanged when a write is rolled back', () => {
    const fox = article('Fox', 'The quick brown fox.');
    const annotation = highlight(fox, 'quick brown', 'kept note');
    const before = db.prepare('SELECT count(*) FROM search_words').pluck().get();
    expect(() =>
      db.transaction(() => {
        article('Rolled back', 'A pangolin article.');
        updateAnnotation(db, annotation.id, { note: 'pangolin note' });
        highlight(fox, 'brown fox', 'pangolin again');
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(searchLibrary(db, 'pangolin').groups).toEqual([]);
    expect(titles(searchLibrary(db, 'kept'))).toEqual(['Fox']);
    expect(db.prepare('SELECT count(*) FROM search_words').pluck().get()).toBe(before);
  });

  it('uses the full-text index, never a scan of articles or annotations', () => {
    for (const table of ['search_words', 'search_trigrams'] as const) {
      for (const sql of Object.values(searchSql(table))) {
        const plan = db
          .prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all('"fox"')
          .map((row) => row.detail);
        expect(
          plan.some((detail) => detail.includes(`${table} VIRTUAL TABLE INDEX`) && /INDEX \d+:M/.test(detail)),
        ).toBe(true);
        expect(plan.filter((detail) => /^SCAN (articles|annotations|n)\b/.test(detail))).toEqual([]);
        if (sql.includes('JOIN annotations')) {
          expect(plan.some((detail) => detail.startsWith('SEARCH n USING INTEGER PRIMARY KEY'))).toBe(true);
        }
      }
    }
  });
});
