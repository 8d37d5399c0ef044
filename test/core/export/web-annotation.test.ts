import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { codePointOffsets } from '../../../electron/core/export/code-points.ts';
import { webAnnotationCollection } from '../../../electron/core/export/web-annotation.ts';
import type { WebAnnotation } from '../../../electron/core/export/web-annotation-model.ts';
import { article, highlight, library } from './library.ts';

const exportedAt = '2026-12-02T06:00:00.000Z';

/** The text between two code point offsets, counted as the W3C model counts (and Python, and Rust's chars()). */
const byCodePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

function items(entries: Parameters<typeof webAnnotationCollection>[0]): WebAnnotation[] {
  return webAnnotationCollection(entries, { exportedAt }).first?.items ?? [];
}

describe('webAnnotationCollection', () => {
  it('writes one highlight with its quote, its position in code points, note, tags, colour and times', () => {
    const content = 'Emoji 😀 before: the passage.';
    const start = content.indexOf('the passage');
    const annotation = highlight(content, start, start + 'the passage'.length, {
      color: 'pink',
      note: 'Why it matters',
      tags: ['econ', 'to read'],
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-02T11:00:00.000Z',
    });
    const collection = webAnnotationCollection([{ article: article(content), annotations: [annotation] }], {
      exportedAt,
      generator: { name: 'Marginalia', version: '0.1.0' },
    });
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 1, last: collection.first!.id });
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', partOf: collection.id, startIndex: 0 });
    expect(collection.first!.items[0]).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${annotation.id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2026-03-01T10:00:00.000Z',
      modified: '2026-03-02T11:00:00.000Z',
      generated: exportedAt,
      generator: { type: 'Software', name: 'Marginalia 0.1.0' },
      body: [
        { type: 'TextualBody', value: 'Why it matters', format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'econ', purpose: 'tagging' },
        { type: 'TextualBody', value: 'to read', purpose: 'tagging' },
      ],
      target: {
        type: 'SpecificResource',
        source: 'https://example.com/article',
        styleClass: 'marginalia-pink',
        selector: [
          { type: 'TextQuoteSelector', exact: 'the passage', prefix: 'Emoji 😀 before: ', suffix: '.' },
          // UTF-16 offset 17 (the emoji takes two units) is code point 16.
          { type: 'TextPositionSelector', start: 16, end: 27 },
        ],
      },
      stylesheet: { type: 'CssStylesheet', value: '.marginalia-pink { background-color: rgb(255 45 120 / 0.22); }' },
    });
  });

  it('keeps only the quote of an orphan, whose stored position no longer holds its words', () => {
    const content = 'The text was rewritten since.';
    const orphan = highlight(content, 4, 8, {
      selectors: [
        { type: 'TextQuoteSelector', exact: 'words that went', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 4, end: 19 },
      ],
    });
    const [annotation] = items([{ article: article(content), annotations: [orphan] }]);
    expect(annotation!.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'words that went', prefix: '', suffix: '' },
    ]);
  });

  it('has no body for a bare highlight, and no page for an export without highlights', () => {
    const content = 'Bare.';
    expect(items([{ article: article(content), annotations: [highlight(content, 0, 4)] }])[0]).not.toHaveProperty(
      'body',
    );
    const empty = webAnnotationCollection([{ article: article(content), annotations: [] }], { exportedAt });
    expect(empty).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: empty.id,
      type: 'AnnotationCollection',
      label: 'Highlights and notes exported from Marginalia',
      total: 0,
    });
  });

  it('names the collection the same way on every export of the same data, and differently for other data', () => {
    const content = 'Same text.';
    const entries = [{ article: article(content), annotations: [highlight(content, 0, 4)] }];
    const once = webAnnotationCollection(entries, { exportedAt });
    expect(webAnnotationCollection(entries, { exportedAt })).toEqual(once);
    expect(once.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(webAnnotationCollection(entries, { exportedAt: '2027-01-01T00:00:00.000Z' }).id).not.toBe(once.id);
  });

  it('percent-encodes what a URI may not hold in the source', () => {
    const content = 'Text.';
    const source = 'https://example.org/ünï code%zz?q=1#frag';
    const [annotation] = items([{ article: article(content, { source }), annotations: [highlight(content, 0, 4)] }]);
    expect(annotation!.target.source).toBe('https://example.org/%C3%BCn%C3%AF%20code%25zz?q=1#frag');
  });

  it('gives positions in code points that select the same text as the stored UTF-16 ones (random libraries)', () => {
    fc.assert(
      fc.property(library(), (entries) => {
        const byId = new Map(entries.flatMap((entry) => entry.annotations.map((a) => [a.id, entry] as const)));
        const exported = items(entries);
        expect(exported).toHaveLength(byId.size);
        for (const annotation of exported) {
          const entry = byId.get(annotation.id.slice('urn:uuid:'.length))!;
          const [quote, position] = annotation.target.selector;
          if (position?.type !== 'TextPositionSelector' || quote?.type !== 'TextQuoteSelector') continue;
          expect(byCodePoints(entry.article.content, position.start, position.end)).toBe(quote.exact);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('converts any offsets between characters to code points in one pass, in any order', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (text, picks) => {
          const boundaries = [0];
          for (const character of text) boundaries.push(boundaries.at(-1)! + character.length);
          const offsets = picks.map((pick) => boundaries[pick % boundaries.length]!);
          const expected = offsets.map((offset) => [...text.slice(0, offset)].length);
          expect(codePointOffsets(text, offsets)).toEqual(expected);
        },
      ),
    );
  });
});
