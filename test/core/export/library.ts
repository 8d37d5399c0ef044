import fc from 'fast-check';

import { type Annotation, type Article, highlightColors, limits, type Selector } from '../../../common/model.ts';
import type { ExportedArticle } from '../../../electron/core/export/types.ts';

/**
 * Articles and highlights for the export tests, made as the app makes them: selectors cut from the article's text
 * at UTF-16 offsets with `limits.affixLength` characters of context, ids that are lower-case UUIDs, ISO timestamps.
 */

/** An article with the given text and, unless given, everything else plain. */
export function article(content: string, fields: Partial<Article> = {}): Article {
  return {
    id: 1,
    title: 'An article',
    source: 'https://example.com/article',
    format: 'text',
    content,
    document: null,
    meta: { byline: 'A. Writer', siteName: '', publishedAt: null, language: null, direction: null },
    note: '',
    reading: null,
    textHash: '0'.repeat(64),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

/** The selectors the app stores for `content.slice(start, end)`. */
function selectorsAt(content: string, start: number, end: number): Selector[] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: content.slice(start, end),
      prefix: content.slice(Math.max(0, start - limits.affixLength), start),
      suffix: content.slice(end, end + limits.affixLength),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

let counter = 0;

/** A highlight of `content.slice(start, end)`, yellow and bare unless told otherwise. */
export function highlight(content: string, start: number, end: number, fields: Partial<Annotation> = {}): Annotation {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`,
    articleId: 1,
    color: 'yellow',
    selectors: selectorsAt(content, start, end),
    note: '',
    tags: [],
    createdAt: '2026-01-02T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...fields,
  };
}

/**
 * Characters that exercise every export: ASCII letters and spaces, Markdown and YAML marks, line breaks, accented
 * and CJK letters, and characters beyond U+FFFF (emoji, a ZWJ sequence, a CJK extension ideograph) that take two
 * UTF-16 units.
 */
const character = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghij klmnop QRS  tuv') },
  { weight: 3, arbitrary: fc.constantFrom(...'#>-+*_`[]()<>!|=^%$&\\:"\',.;~{}1.2)') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\t', '\r\n', '    ') },
  { weight: 2, arbitrary: fc.constantFrom('é', 'ß', 'ü', '中', '文', 'ק', '\u00a0', '\u2028', '\u0085', '\u200d') },
  { weight: 3, arbitrary: fc.constantFrom('😀', '👩‍💻', '𠀋', '𝔘', '🇫🇷', '🏳️‍🌈') },
);

/** Text of those characters. */
export const someText = (maxLength = 40) =>
  fc.array(character, { minLength: 1, maxLength }).map((parts) => parts.join(''));

const timestamp = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

const uuid = fc.uuid({ version: 4 });

const tag = fc.oneof(fc.constantFrom('econ', 'to read', 'A/B', '1984', 'c#', 'été', '中文', '??'), someText(8));

/** Offsets into `content` between characters (never inside a surrogate pair), as a selection can end. */
function boundaries(content: string): number[] {
  const offsets = [0];
  for (const character of content) offsets.push(offsets.at(-1)! + character.length);
  return offsets;
}

/**
 * One article with up to `maxHighlights` highlights: most fit the text, some are orphans (the text they were made on
 * changed: their stored position now holds other words, lies past the end, or is missing).
 */
export function exportedArticle(id: number, maxHighlights = 6): fc.Arbitrary<ExportedArticle> {
  return fc
    .record({
      content: someText(120),
      title: fc.oneof(fc.constantFrom('Plain title', 'Colon: title', '# Hash', '"Quoted"', 'CON'), someText(30)),
      byline: fc.oneof(fc.constant(''), someText(12)),
      note: fc.oneof(fc.constant(''), someText(30)),
      source: fc.constantFrom(
        'https://example.com/a',
        'file:///home/reader/Notes%20on%20it.md',
        'marginalia:default-article',
        'https://example.org/ünïcode path?q=1#frag',
      ),
      updatedAt: timestamp,
    })
    .chain((fields) => {
      const offsets = boundaries(fields.content);
      const range = fc
        .tuple(fc.constantFrom(...offsets), fc.constantFrom(...offsets))
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
      const oneHighlight = fc
        .record({
          range,
          id: uuid,
          color: fc.constantFrom(...highlightColors),
          note: fc.oneof(fc.constant(''), someText(20)),
          tags: fc.uniqueArray(tag, { maxLength: 3, selector: (t) => t.toLowerCase() }),
          createdAt: timestamp,
          updatedAt: timestamp,
          orphan: fc.constantFrom('no', 'no', 'no', 'moved', 'past-end', 'no-position'),
          orphanQuote: someText(10),
        })
        .map(({ range: [start, end], orphan, orphanQuote, tags, ...rest }): Annotation => {
          const selectors = selectorsAt(fields.content, start, end);
          if (orphan === 'moved') selectors[0] = { ...selectors[0]!, exact: `${orphanQuote}\u2063` } as Selector;
          if (orphan === 'past-end') selectors[1] = { type: 'TextPositionSelector', start, end: end + 1_000 };
          if (orphan === 'no-position') selectors.pop();
          return { ...rest, articleId: id, selectors, tags: [...tags].sort() };
        });
      return fc.record({
        article: fc.constant(
          article(fields.content, {
            id,
            title: fields.title,
            source: fields.source,
            note: fields.note,
            meta: { byline: fields.byline, siteName: '', publishedAt: null, language: null, direction: null },
            updatedAt: fields.updatedAt,
          }),
        ),
        annotations: fc.uniqueArray(oneHighlight, { maxLength: maxHighlights, selector: (a) => a.id }),
      });
    });
}

/** A library of up to `maxArticles` articles with distinct ids. */
export function library(maxArticles = 3): fc.Arbitrary<ExportedArticle[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: maxArticles })
    .chain((ids) => fc.tuple(...ids.map((id) => exportedArticle(id))));
}
