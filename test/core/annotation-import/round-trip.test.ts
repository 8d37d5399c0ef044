import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { describeText } from '../../../common/anchoring/text-anchor.ts';
import { type Annotation, highlightColors, type Selector } from '../../../common/model.ts';
import { createAnnotation, listAnnotations } from '../../../db/annotations.ts';
import { getArticle, listArticles } from '../../../db/articles.ts';
import { normaliseTag, setTags } from '../../../db/tags.ts';
import { importAnnotations } from '../../../electron/core/annotation-import/import-annotations.ts';
import { readAnnotationFile } from '../../../electron/core/annotation-import/read-annotation-file.ts';
import { webAnnotationCollection } from '../../../electron/core/export/web-annotation.ts';
import { addArticle, openTempLibrary, setTimes, storeOrphan } from './library-fixture.ts';

/**
 * The round trip of issue 10 §2: a library exported whole as Web Annotation JSON-LD and imported into an empty
 * library holding the same articles (same sources, same texts) has every highlight back, each with its id, colour,
 * note, tags, times and place; the orphans are orphans again, with their quote. A second import adds nothing.
 */

/** Article text: letters, spaces, marks, line breaks, and characters beyond U+FFFF (two UTF-16 units, one code point). */
const textCharacter = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghij klmnop QRS  tuv') },
  { weight: 2, arbitrary: fc.constantFrom(...'#>-*_[]()!|=%$&:"\',.;') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\t') },
  { weight: 2, arbitrary: fc.constantFrom('é', 'ß', '中', 'ק', '\u00a0', '\u200d') },
  { weight: 2, arbitrary: fc.constantFrom('😀', '👩‍💻', '𠀋', '𝔘', '🇫🇷') },
);

/**
 * Orphans' quotes are Greek, which article texts never hold: a quote with a letter in common with the text could be
 * placed by the fuzzy search, and would then rightly come back placed.
 */
const orphanQuote = fc.array(fc.constantFrom(...'αβγδεζηθικλμνξοπρστυφχψω'), { minLength: 3, maxLength: 12 });

/** Any Unicode text (code points of every plane, well-formed), as a user may type into a note or a tag. */
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength }).filter((text) => text.isWellFormed());

const timestamp = fc
  .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

/** Sources as the library stores them, some of which the export has to percent-encode, some twins but for a slash. */
const sources = [
  'https://example.com/a',
  'https://example.com/a/',
  'file:///home/reader/Notes on ü.md',
  'https://example.org/page#part',
  'https://example.org/page',
  'marginalia:default-article',
];

interface HighlightPlan {
  id: string;
  at: [number, number];
  orphan: string | undefined;
  color: (typeof highlightColors)[number];
  note: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

const articlePlan = fc
  .array(textCharacter, { minLength: 1, maxLength: 150 })
  .map((characters) => characters.join(''))
  .chain((text) => {
    const boundaries = [0];
    for (const character of text) boundaries.push(boundaries.at(-1)! + character.length);
    const range = fc
      .tuple(fc.constantFrom(...boundaries), fc.constantFrom(...boundaries))
      .filter(([a, b]) => a !== b)
      .map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]);
    const highlight = fc.record({
      id: fc.uuid({ version: 4 }),
      at: range,
      orphan: fc.option(
        orphanQuote.map((letters) => letters.join('')),
        { freq: 4, nil: undefined },
      ),
      color: fc.constantFrom(...highlightColors),
      note: fc.oneof(fc.constant(''), anyText(40)),
      tags: fc.array(
        anyText(12).filter((tag) => normaliseTag(tag) !== ''),
        { maxLength: 3 },
      ),
      createdAt: timestamp,
      updatedAt: timestamp,
    });
    return fc.record({
      text: fc.constant(text),
      highlights: fc.uniqueArray(highlight, { maxLength: 6, selector: (h) => h.id }),
    });
  });

const libraryPlan = fc
  .uniqueArray(fc.constantFrom(...sources), { minLength: 1, maxLength: 4 })
  .chain((chosen) => fc.tuple(...chosen.map((source) => articlePlan.map((plan) => ({ source, ...plan })))))
  // Ids are unique across the library, as UUIDs are.
  .filter((articles) => {
    const ids = articles.flatMap((article) => article.highlights.map((h) => h.id));
    return new Set(ids).size === ids.length;
  });

type LibraryPlan = typeof libraryPlan extends fc.Arbitrary<infer T> ? T : never;

/** Writes the articles and, with `highlights`, their highlights as the app stores them. */
function build(db: Database, plan: LibraryPlan, highlights: boolean): void {
  db.transaction(() => {
    for (const { source, text, highlights: planned } of plan) {
      const article = addArticle(db, source, text);
      if (!highlights) continue;
      for (const h of planned as HighlightPlan[]) {
        const [start, end] = h.at;
        const fields = { id: h.id, articleId: article.id, color: h.color, note: h.note };
        if (h.orphan === undefined) {
          createAnnotation(db, { ...fields, selectors: describeText(text, start, end) });
        } else {
          const stale: Selector[] = [
            { type: 'TextQuoteSelector', exact: h.orphan, prefix: 'ab', suffix: 'cd' },
            { type: 'TextPositionSelector', start, end: start + h.orphan.length },
          ];
          storeOrphan(db, { ...fields, selectors: stale, createdAt: h.createdAt, updatedAt: h.updatedAt });
        }
        setTags(db, h.id, h.tags);
        setTimes(db, h.id, h.createdAt, h.updatedAt);
      }
    }
  })();
}

/** Every highlight of the library by id, as the app lists them. */
function highlightsOf(db: Database): Map<string, Annotation> {
  const all = listArticles(db).flatMap((summary) => listAnnotations(db, summary.id));
  return new Map(all.map((annotation) => [annotation.id, annotation]));
}

/** The whole library as the JSON-LD export writes it (export-library.ts), as the bytes of the file. */
function exportedFile(db: Database): Uint8Array {
  const entries = listArticles(db).map((summary) => ({
    article: getArticle(db, summary.id),
    annotations: listAnnotations(db, summary.id),
  }));
  const collection = webAnnotationCollection(entries, {
    exportedAt: '2026-12-02T07:00:00.000Z',
    generator: { name: 'Marginalia', version: '0.1.0' },
  });
  return new TextEncoder().encode(`${JSON.stringify(collection, null, 2)}\n`);
}

describe('export then import (property: random libraries)', () => {
  it('brings every highlight back with its id, colour, note, tags, times and place; twice adds nothing', () => {
    fc.assert(
      fc.property(libraryPlan, (plan) => {
        const original = openTempLibrary();
        const copy = openTempLibrary();
        try {
          build(original.db, plan, true);
          build(copy.db, plan, false);
          const file = exportedFile(original.db);
          const before = highlightsOf(original.db);
          const orphans = plan.flatMap((article) => article.highlights.filter((h) => h.orphan !== undefined));

          const report = importAnnotations(copy.db, readAnnotationFile(file));
          expect(report).toEqual({
            imported: before.size,
            orphaned: orphans.length,
            alreadyThere: 0,
            articlesMissing: { count: 0, sources: [] },
            notImported: [],
          });
          // An orphan comes back with its quote alone: the export leaves out a position that no longer fits.
          const expected = new Map(
            [...before].map(([id, annotation]) => [
              id,
              orphans.some((h) => h.id === id)
                ? { ...annotation, selectors: annotation.selectors.filter((s) => s.type === 'TextQuoteSelector') }
                : annotation,
            ]),
          );
          const after = highlightsOf(copy.db);
          // Articles have other ids in the copy; each highlight is on the article with its source.
          const sourceOf = (db: Database, articleId: number) => getArticle(db, articleId).source;
          expect([...after.values()].map((a) => [a.id, sourceOf(copy.db, a.articleId)]).sort()).toEqual(
            [...before.values()].map((a) => [a.id, sourceOf(original.db, a.articleId)]).sort(),
          );
          const withoutArticle = (map: Map<string, Annotation>) =>
            new Map([...map].map(([id, { articleId: _articleId, ...rest }]) => [id, rest]));
          expect(withoutArticle(after)).toEqual(withoutArticle(expected));

          const again = importAnnotations(copy.db, readAnnotationFile(file));
          expect(again).toMatchObject({ imported: 0, orphaned: 0, alreadyThere: before.size });
          expect(highlightsOf(copy.db)).toEqual(after);
        } finally {
          original.close();
          copy.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
